#pragma once
/// @file complexity.ipp
/// @brief Definitions of cohesion/complexity.hpp (compiled into the library; see core/config.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>

#include "ketennet/cohesion/complexity.hpp"
#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/cohesion/multiplexity.hpp"
#include "ketennet/core/errors.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/resilience/articulation_points.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::cohesion {

KETENNET_INLINE PathLengths path_lengths(const View& view) {
    const vertex_t n = view.n();
    PathLengths out;
    std::vector<std::size_t> dist(n);
    std::vector<vertex_t> queue(n);
    double total = 0.0;
    std::size_t diam = 0;
    const std::size_t unseen = std::numeric_limits<std::size_t>::max();
    for (vertex_t s = 0; s < n; ++s) {
        std::fill(dist.begin(), dist.end(), unseen);
        dist[s] = 0;
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        while (head < tail) {
            const vertex_t u = queue[head++];
            for (vertex_t v : view.out_neighbours(u))
                if (dist[v] == unseen) {
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                    total += double(dist[v]);
                    diam = std::max(diam, dist[v]);
                    ++out.pairs;
                }
        }
    }
    if (out.pairs > 0) {
        out.diameter = double(diam);
        out.average = total / double(out.pairs);
    }
    return out;
}

KETENNET_INLINE double single_intermediary_share(const View& view) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_index_t, std::size_t>>;
    const vertex_t n = view.n();
    G g(n);
    const auto src = view.edge_sources();
    const auto tgt = view.edge_targets();
    std::size_t m = 0;
    for (std::size_t e = 0; e < src.size(); ++e) {
        if (src[e] == tgt[e]) continue;
        if (view.directed() && src[e] > tgt[e] && view.find_weight(tgt[e], src[e])) continue;
        boost::add_edge(src[e], tgt[e], m++, g);
    }
    std::vector<std::size_t> block(m);
    const std::size_t nb = boost::biconnected_components(
        g, boost::make_iterator_property_map(block.begin(), boost::get(boost::edge_index, g)));
    std::vector<std::pair<std::size_t, vertex_t>> members;  // (block, vertex)
    members.reserve(2 * m);
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const std::size_t b = block[boost::get(boost::edge_index, g, *it)];
        members.emplace_back(b, vertex_t(boost::source(*it, g)));
        members.emplace_back(b, vertex_t(boost::target(*it, g)));
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    std::vector<double> bsize(nb, 0.0);
    for (const auto& [b, v] : members) bsize[b] += 1.0;
    double in_blocks = 0.0;
    for (double s : bsize) in_blocks += s * (s - 1.0) / 2.0;
    const Components comp = components(view, ComponentKind::weak);
    double connected = 0.0;
    for (std::size_t s : comp.size) connected += double(s) * (double(s) - 1.0) / 2.0;
    if (connected == 0.0) return std::numeric_limits<double>::quiet_NaN();
    return 1.0 - in_blocks / connected;
}

KETENNET_INLINE std::vector<ComplexityRow> complexity(const Network& whole, const std::string& chain) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Chain* ch = chain.empty() ? nullptr : &whole.chain(chain);
    Network scoped;
    const Network* netp = &whole;
    if (ch) {
        std::vector<std::string> ids;
        for (const auto& s : ch->stages)
            for (const auto& id : s.organisations)
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        scoped = whole.induced(ids);
        netp = &scoped;
    }
    const Network& net = *netp;
    std::vector<ComplexityRow> rows;
    auto add = [&](std::string ind, double v, std::string unit, std::string meaning, std::string src) {
        rows.push_back({std::move(ind), v, std::move(unit), std::move(meaning), std::move(src)});
    };
    const vertex_t n = vertex_t(net.organisation_count());
    add("organisations", double(n), "count", "organisations taking part", "");
    std::map<std::string, double> sectors;
    double known = 0.0;
    for (const auto& o : net.organisations())
        if (!o.sector.empty()) {
            sectors[o.sector] += 1.0;
            known += 1.0;
        }
    add("sectors", double(sectors.size()), "count", "distinct sectors (organisations with a sector code)", "");
    double blau = nan, shannon = nan;
    if (known > 0) {
        blau = 1.0;
        shannon = 0.0;
        for (const auto& [s, c] : sectors) {
            blau -= (c / known) * (c / known);
            shannon -= (c / known) * std::log(c / known);
        }
    }
    add("sector heterogeneity (Blau)", blau, "index",
        "1 - sum of squared sector shares: chance that two organisations differ in sector",
        "Blau (1977), Inequality and Heterogeneity");
    add("sector entropy (Shannon)", shannon, "nats", "-sum p ln p over the sector shares",
        "Shannon (1948)");
    std::size_t used_layers = 0;
    {
        std::vector<char> used(net.layers().size(), 0);
        for (std::size_t i = 0; i < net.relation_count(); ++i) used[net.relation_layer(i)] = 1;
        for (char u : used) used_layers += u;
    }
    add("layers", double(used_layers), "count", "kinds of relation in use (layers with relations)", "");
    add("relations", double(net.relation_count()), "count", "relations over all layers", "");
    const ViewPtr vp = net.view(ViewOptions{});
    const View& view = *vp;
    add("ties", double(view.m()), "count",
        std::string("pairs tied in any layer (") + (view.directed() ? "ordered" : "unordered") + " pairs)",
        "");
    add("density", density(view), "share", "share of possible ties present (layers merged)",
        "Provan & Milward (1995)");
    if (ch) {
        add("stages", double(ch->stages.size()), "count", "stages of the chain", "");
        std::size_t handoffs = 0;
        std::vector<std::vector<char>> in_stage(ch->stages.size(), std::vector<char>(n, 0));
        for (std::size_t s = 0; s < ch->stages.size(); ++s)
            for (const auto& id : ch->stages[s].organisations) in_stage[s][net.index_of(id)] = 1;
        const auto src = view.edge_sources();
        const auto tgt = view.edge_targets();
        for (std::size_t e = 0; e < src.size(); ++e) {
            const vertex_t u = src[e], v = tgt[e];
            if (u == v) continue;
            bool hand = false;
            for (std::size_t s = 0; s + 1 < ch->stages.size() && !hand; ++s)
                hand = (in_stage[s][u] && in_stage[s + 1][v]) ||
                       (!view.directed() && in_stage[s][v] && in_stage[s + 1][u]);
            if (hand) ++handoffs;
        }
        add("hand-offs between stages", double(handoffs), "ties",
            "ties from an organisation of one stage to one of the next stage",
            "van der Aalst, Reijers & Song (2005): handover of work");
    }
    const double art = n ? double(resilience::articulation_points(view).size()) / double(n) : nan;
    add("articulation share", art, "share",
        "share of organisations whose removal disconnects others (interdependence)",
        "Hopcroft & Tarjan (1973)");
    add("single-intermediary pairs", single_intermediary_share(view), "share",
        "share of connected pairs separated by the failure of one other organisation "
        "(pairs in no common biconnected block)",
        "Hopcroft & Tarjan (1973); Menger (1927)");
    {
        std::size_t m = 0;
        const auto src = view.edge_sources();
        const auto tgt = view.edge_targets();
        for (std::size_t e = 0; e < src.size(); ++e) {
            if (src[e] == tgt[e]) continue;
            if (view.directed() && src[e] > tgt[e] && view.find_weight(tgt[e], src[e])) continue;
            ++m;
        }
        const double c = double(components(view, ComponentKind::weak).count());
        add("cyclomatic number", n ? double(m) - double(n) + c : nan, "loops",
            "independent loops of the undirected projection, m - n + c", "Kirchhoff (1847); Berge (1958)");
    }
    const Multiplexity mx = multiplexity(net);
    add("multiplex share", mx.multiplex_share, "share",
        "share of tied pairs that are tied in two or more layers", "Verbrugge (1979)");
    const PathLengths pl = path_lengths(view);
    add("diameter", pl.diameter, "hops", "longest shortest path between connected organisations",
        "igraph diameter (unconn = true)");
    add("average path length", pl.average, "hops",
        "mean shortest path between connected organisations", "igraph average_path_length (unconn = true)");
    add("degree centralization", n >= 3 ? degree_centralization(view) : nan, "share",
        "how far ties run through one organisation (1 = a star)", "Freeman (1979); Provan & Milward (1995)");
    return rows;
}

}  // namespace ketennet::cohesion
