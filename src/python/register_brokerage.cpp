// Bindings of ketennet::brokerage (who brokers between organisations and sectors: Burt's
// structural holes, Gould-Fernandez roles, E-I index, mixing and assortativity). The Python
// module ketennet.brokerage wraps them.
#include "common.hpp"

namespace ketennet::python {
namespace {

/// (codes, labels) from Python -> Partition (checked against the view by the kernels).
brokerage::Partition to_partition(
    const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& codes,
    std::vector<std::string> labels) {
    brokerage::Partition p;
    p.labels = std::move(labels);
    p.group.reserve(std::size_t(codes.size()));
    for (py::ssize_t i = 0; i < codes.size(); ++i) {
        const std::int64_t c = codes.data()[i];
        if (c < 0 || std::uint64_t(c) >= p.labels.size())
            throw InputError("partition: group code " + std::to_string(c) + " at position " +
                             std::to_string(i) + " is outside 0.." +
                             std::to_string(p.labels.size()) + "-1");
        p.group.push_back(std::uint32_t(c));
    }
    return p;
}

/// A row-major rows x cols vector as a 2-d NumPy array.
py::array_t<double> matrix(const std::vector<double>& v, std::size_t rows, std::size_t cols) {
    py::array_t<double> a({py::ssize_t(rows), py::ssize_t(cols)});
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

py::array_t<double> array6(const std::array<double, brokerage::role_count>& x) {
    py::array_t<double> a(py::ssize_t(x.size()));
    std::copy(x.begin(), x.end(), a.mutable_data());
    return a;
}

/// (group code per organisation, labels)
py::tuple to_python(const brokerage::Partition& p) {
    return py::make_tuple(to_numpy_index(p.group), p.labels);
}

/// The measures asked for ({name: array}; the others are left out).
py::dict to_python(brokerage::StructuralHoles&& r, const brokerage::StructuralHolesOptions& asked) {
    py::dict d;
    if (asked.constraint) d["constraint"] = to_numpy(std::move(r.constraint));
    if (asked.effective_size) d["effective_size"] = to_numpy(std::move(r.effective_size));
    if (asked.efficiency) d["efficiency"] = to_numpy(std::move(r.efficiency));
    if (asked.hierarchy) d["hierarchy"] = to_numpy(std::move(r.hierarchy));
    return d;
}

/// {roles, raw, expected, sd, z (n x 6), network_* (6), group_expected, group_sd (k x 6),
/// density} for @p n organisations in @p k groups.
py::dict to_python(const brokerage::Brokerage& r, std::size_t n, std::size_t k) {
    constexpr std::size_t R = brokerage::role_count;
    py::dict d;
    d["roles"] = std::vector<std::string>(brokerage::role_names.begin(), brokerage::role_names.end());
    d["raw"] = matrix(r.raw, n, R);
    d["expected"] = matrix(r.expected, n, R);
    d["sd"] = matrix(r.sd, n, R);
    d["z"] = matrix(r.z, n, R);
    d["network_raw"] = array6(r.network_raw);
    d["network_expected"] = array6(r.network_expected);
    d["network_sd"] = array6(r.network_sd);
    d["network_z"] = array6(r.network_z);
    d["group_expected"] = matrix(r.group_expected, k, R);
    d["group_sd"] = matrix(r.group_sd, k, R);
    d["density"] = r.density;
    return d;
}

/// {external, internal, ei, group_*, *_of}
py::dict to_python(const brokerage::EIIndex& r) {
    py::dict d;
    d["external"] = r.external;
    d["internal"] = r.internal;
    d["ei"] = r.ei;
    d["group_external"] = to_numpy(r.group_external);
    d["group_internal"] = to_numpy(r.group_internal);
    d["group_ei"] = to_numpy(r.group_ei);
    d["external_of"] = to_numpy(r.external_of);
    d["internal_of"] = to_numpy(r.internal_of);
    d["ei_of"] = to_numpy(r.ei_of);
    return d;
}

using Codes = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

}  // namespace

void register_brokerage(py::module_& m) {
    auto b = m.def_submodule(
        "brokerage",
        "who brokers: constraint, effective size, efficiency, hierarchy (Burt), Gould-Fernandez "
        "roles, E-I index, attribute mixing matrix and assortativity");
    b.def("partition", [](const Network& net, const std::string& attribute) {
        return to_python(brokerage::partition_by(net, attribute));
    }, py::arg("network"), py::arg("attribute"));
    b.def("contacts", [](const View& v) { return to_numpy(brokerage::contact_counts(v)); },
          py::arg("view"));
    const brokerage::StructuralHolesOptions holes;
    b.def("structural_holes", [](const View& v, unsigned threads, py::object progress,
                                 bool constraint, bool effective_size, bool efficiency,
                                 bool hierarchy) {
        brokerage::StructuralHolesOptions o;
        o.threads = threads;
        o.constraint = constraint;
        o.effective_size = effective_size;
        o.efficiency = efficiency;
        o.hierarchy = hierarchy;
        return to_python(call_released(o, std::move(progress), [&](const auto& options) {
            return brokerage::structural_holes(v, options);
        }), o);
    }, py::arg("view"), py::arg("threads") = holes.threads, py::arg("progress") = py::none(),
       py::arg("constraint") = holes.constraint, py::arg("effective_size") = holes.effective_size,
       py::arg("efficiency") = holes.efficiency, py::arg("hierarchy") = holes.hierarchy);
    b.def("gould_fernandez", [](const View& v, const Codes& codes, std::vector<std::string> labels,
                                unsigned threads, py::object progress) {
        const auto part = to_partition(codes, std::move(labels));
        brokerage::BrokerageOptions o;
        o.threads = threads;
        const auto r = call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return brokerage::gould_fernandez(v, part, options);
        });
        return to_python(r, v.n(), part.groups());
    }, py::arg("view"), py::arg("codes"), py::arg("labels"),
       py::arg("threads") = brokerage::BrokerageOptions{}.threads, py::arg("progress") = py::none());
    b.def("ei_index", [](const View& v, const Codes& codes, std::vector<std::string> labels) {
        return to_python(brokerage::ei_index(v, to_partition(codes, std::move(labels))));
    }, py::arg("view"), py::arg("codes"), py::arg("labels"));
    b.def("mixing_matrix", [](const View& v, const Codes& codes, std::vector<std::string> labels,
                              bool normalized) {
        const auto part = to_partition(codes, std::move(labels));
        return matrix(brokerage::mixing_matrix(v, part, normalized), part.groups(), part.groups());
    }, py::arg("view"), py::arg("codes"), py::arg("labels"), py::arg("normalized") = true);
    b.def("assortativity", [](const View& v, const Codes& codes, std::vector<std::string> labels) {
        return brokerage::assortativity(v, to_partition(codes, std::move(labels)));
    }, py::arg("view"), py::arg("codes"), py::arg("labels"));
}

}  // namespace ketennet::python
