// Translation of ketennet's C++ exceptions to Python exceptions.
#include "common.hpp"

namespace ketennet::python {

void register_errors(py::module_& m) {
    // ketennet.ConvergenceError: an iterative method did not converge (a ValueError, as the
    // parameters or the network are what must change; NetworkX's counterpart is
    // PowerIterationFailedConvergence).
    static py::exception<ConvergenceError> convergence(m, "ConvergenceError", PyExc_ValueError);
    convergence.attr("__module__") = "ketennet";
    convergence.attr("__doc__") =
        "An iterative method (PageRank, Katz, eigenvector, HITS) did not converge within "
        "max_iter iterations or diverged. A ValueError; NetworkX raises "
        "PowerIterationFailedConvergence in the same situations.";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FileError& e) {
            PyErr_SetString(e.not_found() ? PyExc_FileNotFoundError : PyExc_OSError, e.what());
        } catch (const UnknownId& e) {
            PyErr_SetString(PyExc_KeyError, e.what());
        } catch (const InputError& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        } catch (const ConvergenceError& e) {
            PyErr_SetString(convergence.ptr(), e.what());
        } catch (const Cancelled& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        } catch (const Error& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        }
    });
}

}  // namespace ketennet::python
