// Bindings of the readers and writers (JSON, GraphML).
#include "common.hpp"

namespace ketennet::python {

void register_io(py::module_& m) {
    auto io = m.def_submodule("io", "JSON and GraphML readers and writers");
    io.attr("json_schema_version") = io::json_schema_version;
    py::class_<io::Limits>(io, "Limits",
                           "Limits of the readers (ketennet::io::Limits): json_depth, max_input_bytes")
        .def(py::init([](std::size_t json_depth, std::uint64_t max_input_bytes) {
                 return io::Limits{json_depth, max_input_bytes};
             }),
             py::arg("json_depth") = io::Limits{}.json_depth,
             py::arg("max_input_bytes") = io::Limits{}.max_input_bytes)
        .def_readonly("json_depth", &io::Limits::json_depth)
        .def_readonly("max_input_bytes", &io::Limits::max_input_bytes);
    io.def("read_json", [](const std::string& path, const io::Limits& limits) {
        return call_released([&] { return io::read_json(path, limits); });
    }, py::arg("path"), py::arg("limits") = io::Limits{});
    io.def("read_json_string", [](const std::string& text, const std::string& origin, const io::Limits& limits) {
        return call_released([&] { return io::read_json_string(text, origin, limits); });
    }, py::arg("text"), py::arg("origin") = "<string>", py::arg("limits") = io::Limits{});
    // The writers read a copy taken with the GIL held, so that another Python thread may
    // change the network while the file is written with the GIL released.
    io.def("write_json", [](const Network& n, const std::string& path, int indent) {
        const Network snapshot = n;
        call_released([&] { io::write_json(snapshot, path, indent); });
    }, py::arg("net"), py::arg("path"), py::arg("indent") = 2);
    io.def("write_json_string", [](const Network& n, int indent) {
        const Network snapshot = n;
        return call_released([&] { return io::write_json_string(snapshot, indent); });
    }, py::arg("net"), py::arg("indent") = 2);
    io.def("read_graphml", [](const std::string& path, const std::string& layer, const io::Limits& limits) {
        return call_released([&] { return io::read_graphml(path, layer, limits); });
    }, py::arg("path"), py::arg("layer") = "default", py::arg("limits") = io::Limits{});
    io.def("read_graphml_string", [](const std::string& text, const std::string& origin, const std::string& layer,
                                     const io::Limits& limits) {
        return call_released([&] { return io::read_graphml_string(text, origin, layer, limits); });
    }, py::arg("text"), py::arg("origin") = "<string>", py::arg("layer") = "default",
       py::arg("limits") = io::Limits{});
    io.def("write_graphml", [](const Network& n, const std::string& path) {
        const Network snapshot = n;
        call_released([&] { io::write_graphml(snapshot, path); });
    }, py::arg("net"), py::arg("path"));
    io.def("write_graphml_string", [](const Network& n) {
        const Network snapshot = n;
        return call_released([&] { return io::write_graphml_string(snapshot); });
    }, py::arg("net"));
}

}  // namespace ketennet::python
