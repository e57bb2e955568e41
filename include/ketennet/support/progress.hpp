#pragma once
/// @file progress.hpp
/// @brief Progress reporting and cancellation for long kernels.
///
/// Modelled on igraph's progress handler: a kernel calls the handler with the fraction done
/// (0..1); the handler returns false to cancel, and the kernel then throws ketennet::Cancelled.
/// The handler is only ever called from the thread that started the kernel, so it may call
/// into Python (after taking the GIL) or a GUI.
#include <functional>

#include "ketennet/core/errors.hpp"

namespace ketennet {

/// Progress handler: receives the fraction done in [0, 1]; return false to cancel.
using ProgressHandler = std::function<bool(double)>;

/// Calls @p handler (if any) and throws Cancelled when it asks to stop.
inline void report_progress(const ProgressHandler& handler, double fraction) {
    if (handler && !handler(fraction)) throw Cancelled();
}

}  // namespace ketennet
