// Translation of ketennet's C++ exceptions to Python exceptions.
#include "common.hpp"

namespace ketennet::python {

void register_errors(py::module_& m) {
    (void)m;
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FileError& e) {
            PyErr_SetString(e.not_found() ? PyExc_FileNotFoundError : PyExc_OSError, e.what());
        } catch (const UnknownId& e) {
            PyErr_SetString(PyExc_KeyError, e.what());
        } catch (const InputError& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        } catch (const Cancelled& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        } catch (const Error& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        }
    });
}

}  // namespace ketennet::python
