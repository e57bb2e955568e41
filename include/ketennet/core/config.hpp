#pragma once
/// @file config.hpp
/// @brief How the library's functions are compiled: in the library (the default) or inline
/// in the user's files (KETENNET_HEADER_ONLY).
///
/// A public header declares its functions and types only; the definitions live beside it in
/// `impl/<name>.ipp`. By default the .ipp files are compiled once, into the ketennet library
/// (CMake target ketennet::ketennet), so a file that includes a header compiles only the
/// declarations: no Eigen, Boost.Graph or nlohmann-json, and no template instantiation on the
/// user's side.
///
/// Define KETENNET_HEADER_ONLY before the first ketennet include (or on the command line) to
/// use the analyses without linking the compiled library: every header then includes its .ipp
/// at its end and every function is `inline`. Mixing the two modes in one program is not
/// supported. The readers and writers (io/) and the report (report/) are always compiled.
#if defined(KETENNET_HEADER_ONLY)
/// `inline` in header-only mode; nothing when the definition is compiled into the library.
#define KETENNET_INLINE inline
#else
#define KETENNET_INLINE
#endif
