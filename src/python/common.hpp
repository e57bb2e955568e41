// Shared helpers of the pybind11 bindings (ketennet._core).
#pragma once
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "call.hpp"
#include "ketennet/ketennet.hpp"

namespace py = pybind11;

namespace ketennet::python {

void register_errors(py::module_& m);
void register_model(py::module_& m);
void register_io(py::module_& m);
void register_centrality(py::module_& m);
void register_cohesion(py::module_& m);
void register_resilience(py::module_& m);
void register_flow(py::module_& m);
void register_brokerage(py::module_& m);
void register_eventlog(py::module_& m);
void register_report(py::module_& m);
void register_governance(py::module_& m);
void register_panel(py::module_& m);
void register_stats_tests(py::module_& m);
void register_stats_regression(py::module_& m);
void register_ergm(py::module_& m);

/// Python value -> attribute value: bool, int/float (and NumPy scalars) -> number, str.
/// ValueError naming @p where and @p key for anything else (None included).
inline AttributeValue to_attribute(py::handle v, const std::string& where, const std::string& key) {
    if (PyBool_Check(v.ptr())) return v.cast<bool>();
    if (py::isinstance<py::str>(v)) return v.cast<std::string>();
    const std::string tname = py::str(py::type::of(v).attr("__name__"));
    if (py::hasattr(v, "dtype")) {  // NumPy scalars
        const std::string kind = py::str(v.attr("dtype").attr("kind"));
        if (kind == "b") return v.attr("item")().cast<bool>();
        if (kind == "i" || kind == "u" || kind == "f") return v.attr("item")().cast<double>();
    }
    if (PyLong_Check(v.ptr()) || PyFloat_Check(v.ptr())) {
        const double x = PyFloat_AsDouble(v.ptr());  // ints too; OverflowError when too large
        if (x == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            throw InputError(where + ": attribute '" + key + "' is an integer too large for a number (double)");
        }
        return x;
    }
    throw InputError(where + ": attribute '" + key + "' has type " + tname +
                     "; attribute values must be str, int, float or bool" +
                     (v.is_none() ? " (leave the attribute out when unknown)" : ""));
}

inline Attributes to_attributes(const py::handle& obj, const std::string& where) {
    Attributes out;
    if (obj.is_none()) return out;
    if (!py::isinstance<py::dict>(obj)) throw InputError(where + ": attributes must be a dict");
    for (auto item : py::reinterpret_borrow<py::dict>(obj)) {
        if (!py::isinstance<py::str>(item.first))
            throw InputError(where + ": attribute names must be strings");
        const std::string key = item.first.cast<std::string>();
        out.emplace(key, to_attribute(item.second, where, key));
    }
    return out;
}

inline py::object from_attribute(const AttributeValue& v) {
    if (const bool* b = std::get_if<bool>(&v)) return py::bool_(*b);
    if (const double* d = std::get_if<double>(&v)) return py::float_(*d);
    return py::str(std::get<std::string>(v));
}

inline py::dict from_attributes(const Attributes& attrs) {
    py::dict d;
    for (const auto& [k, v] : attrs) d[py::str(k)] = from_attribute(v);
    return d;
}

/// A std::vector<double> as a NumPy array (one copy).
inline py::array_t<double> to_numpy(const std::vector<double>& v) {
    py::array_t<double> a(py::ssize_t(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

/// A std::vector<double> as a NumPy array without a copy: the array owns the moved buffer.
inline py::array_t<double> to_numpy(std::vector<double>&& v) {
    auto* owner = new std::vector<double>(std::move(v));
    py::capsule free(owner, [](void* p) { delete static_cast<std::vector<double>*>(p); });
    return py::array_t<double>(py::ssize_t(owner->size()), owner->data(), free);
}

/// Organisation ids as a NumPy object array of str, filled directly (no list in between).
inline py::array ids_to_numpy(const std::vector<std::string>& ids) {
    py::object empty = py::module_::import("numpy").attr("empty");
    py::array out = empty(py::ssize_t(ids.size()), py::arg("dtype") = "O");  // all None
    auto** p = static_cast<PyObject**>(out.mutable_data());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string& id = ids[i];
        PyObject* s = PyUnicode_DecodeUTF8(id.data(), py::ssize_t(id.size()), nullptr);
        if (!s) throw py::error_already_set();
        Py_XDECREF(p[i]);
        p[i] = s;
    }
    return out;
}

template <class T>
py::array_t<std::int64_t> to_numpy_index(const std::vector<T>& v) {
    py::array_t<std::int64_t> a(py::ssize_t(v.size()));
    auto* p = a.mutable_data();
    for (std::size_t i = 0; i < v.size(); ++i) p[i] = std::int64_t(v[i]);
    return a;
}

/// "out" | "in" | "all" -> Direction.
inline centrality::Direction parse_direction(const std::string& d) {
    if (d == "out") return centrality::Direction::out;
    if (d == "in") return centrality::Direction::in;
    if (d == "all") return centrality::Direction::all;
    throw InputError("direction must be 'out', 'in' or 'all', not '" + d + "'");
}

}  // namespace ketennet::python
