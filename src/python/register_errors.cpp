// Translation of ketennet's C++ exceptions to Python exceptions.
#include <nlohmann/json.hpp>

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
    // Messages may quote input: valid_text shows bytes that are not UTF-8 as \xNN, so that
    // the message becomes a Python str (PyErr_SetString decodes UTF-8) whatever the input held.
    py::register_exception_translator([](std::exception_ptr p) {
        auto set = [](PyObject* type, const char* what) {
            PyErr_SetString(type, valid_text(what).c_str());
        };
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FileError& e) {
            set(e.not_found() ? PyExc_FileNotFoundError : PyExc_OSError, e.what());
        } catch (const UnknownId& e) {
            set(PyExc_KeyError, e.what());
        } catch (const InputError& e) {
            set(PyExc_ValueError, e.what());
        } catch (const ConvergenceError& e) {
            set(convergence.ptr(), e.what());
        } catch (const Cancelled& e) {
            set(PyExc_RuntimeError, e.what());
        } catch (const Error& e) {
            set(PyExc_RuntimeError, e.what());
        } catch (const nlohmann::json::exception& e) {
            // JSON content the readers did not catch themselves: a ValueError, never
            // nlohmann's RuntimeError
            set(PyExc_ValueError, e.what());
        }
    });
}

}  // namespace ketennet::python
