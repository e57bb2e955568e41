// Small helpers shared by the Catch2 tests of ketennet (not a test file itself).
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "ketennet/model/network.hpp"

namespace kt {

/// The example networks shipped with the Python package (KETENNET_EXAMPLES_DIR/*.json, sorted);
/// empty when the folder is absent. For tests compiled with KETENNET_EXAMPLES_DIR.
#ifdef KETENNET_EXAMPLES_DIR
inline std::vector<std::string> example_networks() {
    std::vector<std::string> out;
    std::error_code ec;
    const std::filesystem::path dir(KETENNET_EXAMPLES_DIR);
    if (!std::filesystem::is_directory(dir, ec)) return out;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}
#endif

/// One relation of a hand-drawn test graph: ends, and an optional weight stored as `volume`
/// (and as `latency`, so either field can be the weight).
struct E {
    std::string source;
    std::string target;
    std::optional<double> weight = std::nullopt;
};

/// A network with organisations @p ids (in this order) and one layer @p layer of the given
/// direction holding @p edges.
inline ketennet::Network graph(const std::vector<std::string>& ids, const std::vector<E>& edges,
                               bool directed, const std::string& layer = "L") {
    ketennet::Network net("test");
    net.add_layer(layer, directed);
    for (const auto& id : ids) net.add_organisation({id, "", "", {}});
    for (const auto& e : edges) {
        ketennet::Relation r;
        r.source = e.source;
        r.target = e.target;
        r.layer = layer;
        r.volume = e.weight;
        r.latency = e.weight;
        net.add_relation(r);
    }
    return net;
}

/// A relation with only the standard ends and layer set.
inline ketennet::Relation rel(const std::string& s, const std::string& t, const std::string& layer,
                              std::optional<double> volume = std::nullopt) {
    ketennet::Relation r;
    r.source = s;
    r.target = t;
    r.layer = layer;
    r.volume = volume;
    return r;
}

/// ViewOptions shorthand.
inline ketennet::ViewOptions opts(std::vector<std::string> layers = {}, std::string weight = {},
                                  ketennet::Combine combine = ketennet::Combine::sum) {
    ketennet::ViewOptions o;
    o.layers = std::move(layers);
    o.weight = std::move(weight);
    o.combine = combine;
    return o;
}

/// Values of @p got by organisation id must match @p expected (every organisation listed).
inline void check_by_id(const ketennet::View& view, const std::vector<double>& got,
                        const std::map<std::string, double>& expected, double eps = 1e-12) {
    REQUIRE(got.size() == view.n());
    REQUIRE(expected.size() == view.n());
    for (ketennet::vertex_t v = 0; v < view.n(); ++v) {
        INFO("organisation " << view.id(v));
        auto it = expected.find(view.id(v));
        REQUIRE(it != expected.end());
        if (std::isnan(it->second))
            CHECK(std::isnan(got[v]));
        else
            CHECK(got[v] == Approx(it->second).margin(eps));
    }
}

/// All-pairs shortest-path distances of @p g by Floyd-Warshall, the reference for the
/// distance-based measures: d[u][v] is the least total weight (the arc count when unweighted)
/// of a path u -> v, 0 on the diagonal, infinity when v cannot be reached from u; self-loops
/// are ignored and of parallel arcs the lightest counts.
inline std::vector<std::vector<double>> all_pairs_distances(const ketennet::View& g) {
    const std::size_t n = g.n();
    const double unreachable = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> d(n, std::vector<double>(n, unreachable));
    for (std::size_t u = 0; u < n; ++u) {
        d[u][u] = 0;
        const auto nb = g.out_neighbours(ketennet::vertex_t(u));
        const auto wt = g.out_weights(ketennet::vertex_t(u));
        for (std::size_t k = 0; k < nb.size(); ++k)
            if (nb[k] != u) d[u][nb[k]] = std::min(d[u][nb[k]], wt[k]);
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
    return d;
}

/// The exception of type Ex that @p f throws, for checks of its fields (fails the test if
/// @p f throws none; an exception of another type passes through and fails the test too):
///
///     const auto e = kt::error_of<ParseError>([&] { io::read_json_string(text); });
///     CHECK(e->line() == 4);
template <class Ex, class F>
std::optional<Ex> error_of(F&& f) {
    try {
        f();
    } catch (const Ex& e) {
        return e;
    }
    FAIL("expected an exception that was not thrown");
    return std::nullopt;
}

/// The message of the exception @p f throws as type Ex (fails the test if it does not throw).
template <class Ex, class F>
std::string message_of(F&& f) {
    return error_of<Ex>(std::forward<F>(f))->what();
}

/// A fresh temporary directory, removed with its content at scope exit.
class TempDir {
public:
    TempDir() {
        std::string tmpl =
            (std::filesystem::temp_directory_path() / "ketennet-test-XXXXXX").string();
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) FAIL("cannot create a temporary directory");
        path_ = buf.data();
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// Path of a fixture in tests/cpp/data.
inline std::string data_file(const std::string& name) {
    return std::string(KETENNET_TEST_DATA_DIR) + "/" + name;
}

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace kt
