// How a binding runs a kernel: with the GIL released, optionally reporting progress to a
// Python callable. Every long-running binding goes through call_released().
//
// While the GIL is released another Python thread may run, and change a Network: a kernel
// that reads a network reads a copy taken before, with the GIL held
// (`const Network snapshot = net;`). Views and event logs are immutable and read directly.
#pragma once
#include <pybind11/pybind11.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "ketennet/core/errors.hpp"
#include "ketennet/support/progress.hpp"

namespace py = pybind11;

namespace ketennet::python {

/// Wraps an optional Python progress callable into a ProgressHandler that is safe to call
/// from the kernel's calling thread with the GIL released: it takes the GIL, checks for
/// Ctrl-C, calls the callable (a False return cancels) and keeps any Python exception to be
/// re-raised once the kernel has stopped. Used through call_released().
class PythonProgress {
public:
    explicit PythonProgress(py::object callback) : callback_(std::move(callback)) {}
    ProgressHandler handler() {
        return [this](double fraction) -> bool {
            py::gil_scoped_acquire gil;
            if (PyErr_CheckSignals() != 0) {
                error_ = std::make_unique<py::error_already_set>();
                return false;
            }
            if (callback_.is_none()) return true;
            try {
                py::object r = callback_(fraction);
                return r.is_none() || r.cast<bool>();
            } catch (py::error_already_set& e) {
                error_ = std::make_unique<py::error_already_set>(std::move(e));
                return false;
            }
        };
    }
    /// Runs kernel(handler()) with the GIL released; when the kernel stops with Cancelled
    /// because of a Python error (the callable raised, Ctrl-C), re-raises that error.
    template <class F>
    auto run(F&& kernel) {
        try {
            py::gil_scoped_release release;
            return kernel(handler());
        } catch (const Cancelled&) {
            if (error_) throw std::move(*error_);
            throw;
        }
    }

private:
    py::object callback_;
    std::unique_ptr<py::error_already_set> error_;
};

/// Runs kernel() with the GIL released and returns its (C++) result. The kernel must not
/// touch Python objects; convert the result after the call.
template <class F>
    requires std::is_invocable_v<F&>
auto call_released(F&& kernel) {
    py::gil_scoped_release release;
    return kernel();
}

/// Runs kernel(handler) with the GIL released, handler a ProgressHandler reporting to
/// @p progress (None: Ctrl-C only; a callable gets the fraction done and may return False to
/// cancel). A Python exception of the callable is re-raised; a cancel is Cancelled.
/// For kernels that take the handler as an argument of their own.
template <class F>
    requires std::is_invocable_v<F&, ProgressHandler>
auto call_released(py::object progress, F&& kernel) {
    PythonProgress p(std::move(progress));
    return p.run(std::forward<F>(kernel));
}

/// Runs kernel(options) with the GIL released, after setting options.progress to a handler
/// reporting to @p progress (as above). The usual form for a kernel with an options struct.
template <class Options, class F>
    requires requires(Options o) { o.progress = ProgressHandler{}; }
auto call_released(Options options, py::object progress, F&& kernel) {
    return call_released(std::move(progress), [&](ProgressHandler h) {
        options.progress = std::move(h);
        return kernel(std::as_const(options));
    });
}

}  // namespace ketennet::python
