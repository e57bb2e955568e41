// Bindings of the readers and writers (JSON, GraphML).
#include "common.hpp"

namespace ketennet::python {

void register_io(py::module_& m) {
    auto io = m.def_submodule("io", "JSON and GraphML readers and writers");
    io.attr("json_schema_version") = io::json_schema_version;
    io.def("read_json", [](const std::string& path) {
        py::gil_scoped_release release;
        return io::read_json(path);
    }, py::arg("path"));
    io.def("read_json_string", [](const std::string& text, const std::string& origin) {
        py::gil_scoped_release release;
        return io::read_json_string(text, origin);
    }, py::arg("text"), py::arg("origin") = "<string>");
    io.def("write_json", [](const Network& n, const std::string& path, int indent) {
        py::gil_scoped_release release;
        io::write_json(n, path, indent);
    }, py::arg("net"), py::arg("path"), py::arg("indent") = 2);
    io.def("write_json_string", [](const Network& n, int indent) {
        std::string s;
        {
            py::gil_scoped_release release;
            s = io::write_json_string(n, indent);
        }
        return s;
    }, py::arg("net"), py::arg("indent") = 2);
    io.def("read_graphml", [](const std::string& path, const std::string& layer) {
        py::gil_scoped_release release;
        return io::read_graphml(path, layer);
    }, py::arg("path"), py::arg("layer") = "default");
    io.def("read_graphml_string", [](const std::string& text, const std::string& origin, const std::string& layer) {
        py::gil_scoped_release release;
        return io::read_graphml_string(text, origin, layer);
    }, py::arg("text"), py::arg("origin") = "<string>", py::arg("layer") = "default");
    io.def("write_graphml", [](const Network& n, const std::string& path) {
        py::gil_scoped_release release;
        io::write_graphml(n, path);
    }, py::arg("net"), py::arg("path"));
    io.def("write_graphml_string", [](const Network& n) {
        std::string s;
        {
            py::gil_scoped_release release;
            s = io::write_graphml_string(n);
        }
        return s;
    }, py::arg("net"));
}

}  // namespace ketennet::python
