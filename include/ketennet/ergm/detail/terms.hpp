#pragma once
// The terms of an ERGM compiled for one network: each computes its statistics g(y) directly
// from their definition (statistic) and its change statistics delta_ij g(y) for a pair whose
// tie is absent (change). The sampler calls change() for every proposal, so it allocates
// nothing and reads the state's sorted neighbour lists.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/ergm/detail/state.hpp"
#include "ketennet/ergm/ergm.hpp"

// The sampler's inner loop inlines the change statistics of every term (measured: 5.3 -> 5.9
// million proposals/s on 1,000 organisations with four terms, benchmarks/bench_ergm.py).
#if defined(__GNUC__)
#define KETENNET_ERGM_HOT [[gnu::always_inline]]
#else
#define KETENNET_ERGM_HOT
#endif

namespace ketennet::ergm::detail {

/// C(d, k) as a double (0 when d < k).
inline double choose(std::size_t d, std::size_t k) noexcept {
    if (d < k) return 0.0;
    double c = 1.0;
    for (std::size_t t = 0; t < k; ++t) c = c * double(d - t) / double(t + 1);
    return c;
}

/// A number as R prints it in a term name (0.5, 1, 0.25): up to 15 significant digits.
inline std::string r_number(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", x);
    return buf;
}

/// One term, compiled: what its change and statistic functions read.
struct CompiledTerm {
    TermKind kind = TermKind::edges;
    std::size_t offset = 0;  // its first statistic in the model's vector
    std::size_t size = 1;    // its number of statistics
    std::size_t k = 0;       // kstar/istar/ostar
    double ea = 1.0;         // e^decay
    std::vector<double> pw;  // r^s, s = 0 .. 2n, r = 1 - e^-decay
    bool diff = false;
    std::vector<std::uint32_t> codes;
    std::size_t levels = 0;
    std::vector<std::int32_t> cell;  // nodemix: levels x levels -> statistic, -1 for none
    std::vector<double> values;
    std::vector<std::size_t> cov_off;  // edgecov CSR
    std::vector<vertex_t> cov_col;
    std::vector<double> cov_val;

    double covariate(vertex_t i, vertex_t j) const noexcept {
        const auto b = cov_col.begin() + std::ptrdiff_t(cov_off[i]);
        const auto e = cov_col.begin() + std::ptrdiff_t(cov_off[i + 1]);
        const auto it = std::lower_bound(b, e, j);
        return (it != e && *it == j) ? cov_val[std::size_t(it - cov_col.begin())] : 0.0;
    }
};

/// The neighbour sets marked while change() runs (DyadState::stamps()): x is an
/// out-neighbour of i when out_i[x] == gen, an in-neighbour of j when in_j[x] == gen, an
/// in-neighbour of i when in_i[x] == gen (undirected: out = in = all neighbours).
struct Marks {
    const std::uint32_t* out_i = nullptr;
    const std::uint32_t* in_j = nullptr;
    const std::uint32_t* in_i = nullptr;
    std::uint32_t gen = 0;
};

/// |list ∩ the set marked in @p stamp|.
inline std::size_t count_marked(std::span<const vertex_t> list, const std::uint32_t* stamp, std::uint32_t gen) noexcept {
    std::size_t c = 0;
    for (vertex_t x : list) c += stamp[x] == gen ? 1 : 0;
    return c;
}

/// Does the term read the marks (the shared-partner and triangle terms)?
inline bool needs_marks(TermKind k) noexcept {
    return k == TermKind::triangle || k == TermKind::gwesp || k == TermKind::gwdsp;
}

/// The change of every statistic of @p t when the absent tie i -> j (i - j) is added, added
/// into out[t.offset ..) (which the caller zeroes). The marks must be set (see change_all).
KETENNET_ERGM_HOT inline void change(const CompiledTerm& t, const DyadState& s, vertex_t i, vertex_t j, double* out,
                   const Marks& f = {}) {
    double* o = out + t.offset;
    const bool dir = s.directed();
    switch (t.kind) {
    case TermKind::edges:
        o[0] += 1.0;
        break;
    case TermKind::mutual:
        o[0] += s.has(j, i) ? 1.0 : 0.0;
        break;
    case TermKind::triangle:
        if (!dir)
            o[0] += double(count_marked(s.out(j), f.out_i, f.gen));
        else  // |out(i) ∩ in(j)| + |out(i) ∩ out(j)| + |in(i) ∩ in(j)| + |in(i) ∩ out(j)|
            o[0] += double(count_marked(s.in(j), f.out_i, f.gen) + count_marked(s.out(j), f.out_i, f.gen) +
                           count_marked(s.in(j), f.in_i, f.gen) + count_marked(s.out(j), f.in_i, f.gen));
        break;
    case TermKind::kstar:
        o[0] += choose(s.degree(i), t.k - 1) + choose(s.degree(j), t.k - 1);
        break;
    case TermKind::istar:
        o[0] += choose(s.in_degree(j), t.k - 1);
        break;
    case TermKind::ostar:
        o[0] += choose(s.out_degree(i), t.k - 1);
        break;
    case TermKind::gwesp: {
        // the tie's own shared partners L, and one more for the ties it closes two-paths of
        std::size_t L = 0;
        double c = 0.0;
        if (!dir) {
            for (vertex_t k : s.out(j))
                if (f.out_i[k] == f.gen) {  // k a shared partner of i and j: ties i-k and j-k gain one
                    ++L;
                    std::size_t a = 0, b = 0;
                    for (vertex_t x : s.out(k)) {
                        a += f.out_i[x] == f.gen ? 1 : 0;
                        b += f.in_j[x] == f.gen ? 1 : 0;
                    }
                    c += t.pw[a] + t.pw[b];
                }
        } else {
            L = count_marked(s.in(j), f.out_i, f.gen);
            for (vertex_t b : s.out(j))  // ties i -> b with the new two-path i -> j -> b
                if (f.out_i[b] == f.gen) c += t.pw[count_marked(s.in(b), f.out_i, f.gen)];
            for (vertex_t a : s.in(i))  // ties a -> j with the new two-path a -> i -> j
                if (f.in_j[a] == f.gen) c += t.pw[count_marked(s.out(a), f.in_j, f.gen)];
        }
        o[0] += t.ea * (1.0 - t.pw[L]) + c;
        break;
    }
    case TermKind::gwdsp: {
        double c = 0.0;
        if (!dir) {
            for (vertex_t k : s.out(j))
                if (k != i) c += t.pw[count_marked(s.out(k), f.out_i, f.gen)];
            for (vertex_t k : s.out(i))
                if (k != j) c += t.pw[count_marked(s.out(k), f.in_j, f.gen)];
        } else {
            for (vertex_t b : s.out(j))
                if (b != i) c += t.pw[count_marked(s.in(b), f.out_i, f.gen)];
            for (vertex_t a : s.in(i))
                if (a != j) c += t.pw[count_marked(s.out(a), f.in_j, f.gen)];
        }
        o[0] += c;
        break;
    }
    case TermKind::gwdegree:
        o[0] += t.pw[s.degree(i)] + t.pw[s.degree(j)];
        break;
    case TermKind::gwidegree:
        o[0] += t.pw[s.in_degree(j)];
        break;
    case TermKind::gwodegree:
        o[0] += t.pw[s.out_degree(i)];
        break;
    case TermKind::nodematch:
        if (t.codes[i] == t.codes[j]) o[t.diff ? t.codes[i] : 0] += 1.0;
        break;
    case TermKind::nodemix: {
        const std::int32_t c = t.cell[std::size_t(t.codes[i]) * t.levels + t.codes[j]];
        if (c >= 0) o[c] += 1.0;
        break;
    }
    case TermKind::nodefactor:
        if (t.codes[i] > 0) o[t.codes[i] - 1] += 1.0;
        if (t.codes[j] > 0) o[t.codes[j] - 1] += 1.0;
        break;
    case TermKind::nodecov:
        o[0] += t.values[i] + t.values[j];
        break;
    case TermKind::nodeicov:
        o[0] += t.values[j];
        break;
    case TermKind::nodeocov:
        o[0] += t.values[i];
        break;
    case TermKind::absdiff:
        o[0] += std::fabs(t.values[i] - t.values[j]);
        break;
    case TermKind::edgecov:
        o[0] += dir ? t.covariate(i, j) : t.covariate(std::min(i, j), std::max(i, j));
        break;
    case TermKind::isolates:
        o[0] -= (s.degree(i) == 0 ? 1.0 : 0.0) + (s.degree(j) == 0 ? 1.0 : 0.0);
        break;
    }
}

/// The statistics g(y) of @p t, from their definitions, written into out[t.offset ..).
inline void statistic(const CompiledTerm& t, const DyadState& s, double* out) {
    double* o = out + t.offset;
    for (std::size_t q = 0; q < t.size; ++q) o[q] = 0.0;
    const bool dir = s.directed();
    const vertex_t n = s.n();
    auto each_tie = [&](auto&& f) {
        for (vertex_t i = 0; i < n; ++i)
            for (vertex_t j : s.out(i))
                if (dir || i < j) f(i, j);
    };
    switch (t.kind) {
    case TermKind::edges:
        o[0] = double(s.edge_count());
        break;
    case TermKind::mutual:
        each_tie([&](vertex_t i, vertex_t j) { o[0] += (i < j && s.has(j, i)) ? 1.0 : 0.0; });
        break;
    case TermKind::triangle:
        if (!dir) {
            double c = 0;
            each_tie([&](vertex_t i, vertex_t j) { c += double(common(s.out(i), s.out(j))); });
            o[0] = c / 3.0;
        } else {
            double tt = 0, ct = 0;  // transitive triples by their shortcut i -> k; cycles thrice
            each_tie([&](vertex_t i, vertex_t k) {
                tt += double(common(s.out(i), s.in(k)));
                ct += double(common(s.out(k), s.in(i)));
            });
            o[0] = tt + ct / 3.0;
        }
        break;
    case TermKind::kstar:
        for (vertex_t v = 0; v < n; ++v) o[0] += choose(s.degree(v), t.k);
        break;
    case TermKind::istar:
        for (vertex_t v = 0; v < n; ++v) o[0] += choose(s.in_degree(v), t.k);
        break;
    case TermKind::ostar:
        for (vertex_t v = 0; v < n; ++v) o[0] += choose(s.out_degree(v), t.k);
        break;
    case TermKind::gwesp:
        each_tie([&](vertex_t i, vertex_t j) {
            const std::size_t sp = dir ? common(s.out(i), s.in(j)) : common(s.out(i), s.out(j));
            o[0] += 1.0 - t.pw[sp];
        });
        o[0] *= t.ea;
        break;
    case TermKind::gwdsp: {
        // two-path counts from each i: count[j] = sp(i, j)
        std::vector<std::size_t> count(n, 0);
        std::vector<vertex_t> touched;
        for (vertex_t i = 0; i < n; ++i) {
            for (vertex_t k : s.out(i))
                for (vertex_t j : s.out(k))
                    if (j != i && (dir || j > i)) {
                        if (count[j]++ == 0) touched.push_back(j);
                    }
            for (vertex_t j : touched) {
                o[0] += 1.0 - t.pw[count[j]];
                count[j] = 0;
            }
            touched.clear();
        }
        o[0] *= t.ea;
        break;
    }
    case TermKind::gwdegree:
        for (vertex_t v = 0; v < n; ++v) o[0] += 1.0 - t.pw[s.degree(v)];
        o[0] *= t.ea;
        break;
    case TermKind::gwidegree:
        for (vertex_t v = 0; v < n; ++v) o[0] += 1.0 - t.pw[s.in_degree(v)];
        o[0] *= t.ea;
        break;
    case TermKind::gwodegree:
        for (vertex_t v = 0; v < n; ++v) o[0] += 1.0 - t.pw[s.out_degree(v)];
        o[0] *= t.ea;
        break;
    case TermKind::isolates:
        for (vertex_t v = 0; v < n; ++v) o[0] += s.degree(v) == 0 ? 1.0 : 0.0;
        break;
    default: {
        // the dyad-independent terms: the sum over ties of the tie's own statistics
        std::vector<double> tmp(t.offset + t.size, 0.0);
        each_tie([&](vertex_t i, vertex_t j) { change(t, s, i, j, tmp.data()); });
        for (std::size_t q = 0; q < t.size; ++q) o[q] = tmp[t.offset + q];
        break;
    }
    }
}

/// A model compiled for a network of n organisations.
struct CompiledModel {
    std::vector<CompiledTerm> terms;
    std::vector<std::string> names;
    std::size_t p = 0;
    bool directed = false;
    vertex_t n = 0;
    bool marks = false;     // a term reads the marks
    bool marks_in_i = false;  // a term reads the in_i marks (directed triangle)

    /// delta_ij g(y) of the absent tie i -> j into out[0 .. p).
    void change_all(const DyadState& s, vertex_t i, vertex_t j, double* out) const {
        for (std::size_t q = 0; q < p; ++q) out[q] = 0.0;
        if (!marks) {
            for (const auto& t : terms) change(t, s, i, j, out);
            return;
        }
        const std::uint32_t gen = s.next_generation();
        std::uint32_t* a = s.stamps(0);
        std::uint32_t* b = s.stamps(1);
        std::uint32_t* c = s.stamps(2);
        for (vertex_t x : s.out(i)) a[x] = gen;
        for (vertex_t x : s.in(j)) b[x] = gen;
        if (marks_in_i)
            for (vertex_t x : s.in(i)) c[x] = gen;
        const Marks f{a, b, c, gen};
        for (const auto& t : terms) change(t, s, i, j, out, f);
    }
    /// g(y) into out[0 .. p).
    void statistic_all(const DyadState& s, double* out) const {
        for (const auto& t : terms) statistic(t, s, out);
    }
};

/// Checks @p model against a network of @p n organisations and compiles it (see
/// statistic_names() in ergm.hpp for the errors).
inline CompiledModel compile(const Model& model, vertex_t n, bool directed) {
    if (model.empty()) throw InputError("ergm: the model has no terms");
    CompiledModel cm;
    cm.n = n;
    cm.directed = directed;
    const std::string layer_kind = directed ? "directed" : "undirected";
    std::size_t index = 0;
    for (const Term& term : model) {
        ++index;
        CompiledTerm t;
        t.kind = term.kind;
        t.offset = cm.p;
        const std::string where = "ergm: term " + std::to_string(index) + " (";
        auto need = [&](bool want_directed, const char* what) {
            if (want_directed != directed)
                throw InputError(where + what + "): " + what + " applies to " +
                                 (want_directed ? "directed" : "undirected") + " layers only; this layer is " +
                                 layer_kind);
        };
        auto star = [&](const char* what) {
            const double k = term.parameter;
            if (!(k >= 1.0) || k != std::floor(k) || k > 1e6)
                throw InputError(where + what + "): k must be a whole number >= 1, not " + r_number(k));
            t.k = std::size_t(k);
            cm.names.push_back(std::string(what) + std::to_string(t.k));
        };
        auto geometric = [&](const char* what, const char* stem) {
            const double a = term.parameter;
            if (!std::isfinite(a) || a < 0.0)
                throw InputError(where + what + "): decay must be finite and >= 0, not " + r_number(a));
            t.ea = std::exp(a);
            const double r = 1.0 - std::exp(-a);
            t.pw.resize(2 * std::size_t(n) + 2);
            t.pw[0] = 1.0;
            for (std::size_t q = 1; q < t.pw.size(); ++q) t.pw[q] = t.pw[q - 1] * r;
            cm.names.push_back(std::string(stem) + ".fixed." + r_number(a));
        };
        auto categorical = [&](const char* what) {
            if (term.codes.size() != n)
                throw InputError(where + what + "." + term.name + "): " + std::to_string(term.codes.size()) +
                                 " category codes for " + std::to_string(n) + " organisations");
            if (term.levels.empty())
                throw InputError(where + what + "." + term.name + "): no categories");
            for (std::size_t v = 0; v < n; ++v)
                if (term.codes[v] >= term.levels.size())
                    throw InputError(where + what + "." + term.name + "): category code " +
                                     std::to_string(term.codes[v]) + " of organisation " + std::to_string(v) +
                                     " is not below " + std::to_string(term.levels.size()));
            t.codes = term.codes;
            t.levels = term.levels.size();
        };
        auto numeric = [&](const char* what) {
            if (term.values.size() != n)
                throw InputError(where + what + "." + term.name + "): " + std::to_string(term.values.size()) +
                                 " values for " + std::to_string(n) + " organisations");
            for (std::size_t v = 0; v < n; ++v)
                if (!std::isfinite(term.values[v]))
                    throw InputError(where + what + "." + term.name + "): the value of organisation " +
                                     std::to_string(v) + " is not finite");
            t.values = term.values;
            cm.names.push_back(std::string(what) + "." + term.name);
        };
        switch (term.kind) {
        case TermKind::edges: cm.names.push_back("edges"); break;
        case TermKind::mutual: need(true, "mutual"); cm.names.push_back("mutual"); break;
        case TermKind::triangle: cm.names.push_back("triangle"); break;
        case TermKind::kstar: need(false, "kstar"); star("kstar"); break;
        case TermKind::istar: need(true, "istar"); star("istar"); break;
        case TermKind::ostar: need(true, "ostar"); star("ostar"); break;
        // directed: shared partners on outgoing two-paths (i -> k -> j), statnet's default type,
        // which names the statistic "gwesp.OTP.fixed.<decay>"
        case TermKind::gwesp: geometric("gwesp", directed ? "gwesp.OTP" : "gwesp"); break;
        case TermKind::gwdsp: geometric("gwdsp", directed ? "gwdsp.OTP" : "gwdsp"); break;
        case TermKind::gwdegree: need(false, "gwdegree"); geometric("gwdegree", "gwdeg"); break;
        case TermKind::gwidegree: need(true, "gwidegree"); geometric("gwidegree", "gwideg"); break;
        case TermKind::gwodegree: need(true, "gwodegree"); geometric("gwodegree", "gwodeg"); break;
        case TermKind::nodematch:
            categorical("nodematch");
            t.diff = term.diff;
            if (term.diff) {
                t.size = t.levels;
                for (const auto& l : term.levels) cm.names.push_back("nodematch." + term.name + "." + l);
            } else {
                cm.names.push_back("nodematch." + term.name);
            }
            break;
        case TermKind::nodemix: {
            categorical("nodemix");
            const std::size_t L = t.levels;
            t.cell.assign(L * L, -1);
            // statnet's order: the cells of the mixing matrix by column (receiver level),
            // undirected only those with row <= column; the first cell is the base, dropped
            std::int32_t next = -1;
            for (std::size_t b = 0; b < L; ++b)
                for (std::size_t a = 0; a < (directed ? L : b + 1); ++a) {
                    if (next >= 0) {
                        t.cell[a * L + b] = next;
                        if (!directed) t.cell[b * L + a] = next;
                        cm.names.push_back("mix." + term.name + "." + term.levels[a] + "." + term.levels[b]);
                    }
                    ++next;
                }
            t.size = std::size_t(next);
            if (t.size == 0)
                throw InputError(where + "nodemix." + term.name + "): one category leaves no statistic");
            break;
        }
        case TermKind::nodefactor:
            categorical("nodefactor");
            t.size = t.levels - 1;
            if (t.size == 0)
                throw InputError(where + "nodefactor." + term.name + "): one category leaves no statistic");
            for (std::size_t l = 1; l < t.levels; ++l)
                cm.names.push_back("nodefactor." + term.name + "." + term.levels[l]);
            break;
        case TermKind::nodecov: numeric("nodecov"); break;
        case TermKind::nodeicov: need(true, "nodeicov"); numeric("nodeicov"); break;
        case TermKind::nodeocov: need(true, "nodeocov"); numeric("nodeocov"); break;
        case TermKind::absdiff: numeric("absdiff"); break;
        case TermKind::edgecov: {
            const std::size_t m = term.cov_sources.size();
            if (term.cov_targets.size() != m || term.cov_values.size() != m)
                throw InputError(where + "edgecov." + term.name + "): cell lists of different lengths");
            std::vector<std::size_t> count(std::size_t(n) + 1, 0);
            for (std::size_t e = 0; e < m; ++e) {
                vertex_t a = term.cov_sources[e], b = term.cov_targets[e];
                if (a >= n || b >= n)
                    throw InputError(where + "edgecov." + term.name + "): cell (" + std::to_string(a) + ", " +
                                     std::to_string(b) + ") outside the " + std::to_string(n) + " organisations");
                if (!std::isfinite(term.cov_values[e]))
                    throw InputError(where + "edgecov." + term.name + "): the value of cell (" + std::to_string(a) +
                                     ", " + std::to_string(b) + ") is not finite");
                if (!directed && a > b) std::swap(a, b);
                ++count[a + 1];
            }
            for (std::size_t v = 0; v < n; ++v) count[v + 1] += count[v];
            t.cov_off = count;
            t.cov_col.resize(m);
            t.cov_val.resize(m);
            std::vector<std::size_t> at(count.begin(), count.end() - 1);
            std::vector<std::pair<vertex_t, double>> row;
            for (std::size_t e = 0; e < m; ++e) {
                vertex_t a = term.cov_sources[e], b = term.cov_targets[e];
                if (!directed && a > b) std::swap(a, b);
                t.cov_col[at[a]] = b;
                t.cov_val[at[a]++] = term.cov_values[e];
            }
            for (std::size_t v = 0; v < n; ++v) {
                row.clear();
                for (std::size_t q = t.cov_off[v]; q < t.cov_off[v + 1]; ++q) row.emplace_back(t.cov_col[q], t.cov_val[q]);
                std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
                for (std::size_t q = 0; q < row.size(); ++q) {
                    if (q > 0 && row[q].first == row[q - 1].first)
                        throw InputError(where + "edgecov." + term.name + "): cell (" + std::to_string(v) + ", " +
                                         std::to_string(row[q].first) + ") given twice" +
                                         (directed ? "" : " (an undirected model reads (i, j) and (j, i) as one cell)"));
                    t.cov_col[t.cov_off[v] + q] = row[q].first;
                    t.cov_val[t.cov_off[v] + q] = row[q].second;
                }
            }
            cm.names.push_back("edgecov." + term.name);
            break;
        }
        case TermKind::isolates: cm.names.push_back("isolates"); break;
        }
        cm.p += t.size;
        cm.marks = cm.marks || needs_marks(t.kind);
        cm.marks_in_i = cm.marks_in_i || (directed && t.kind == TermKind::triangle);
        cm.terms.push_back(std::move(t));
    }
    return cm;
}

/// The state of a view's ties (self-loops left out).
inline DyadState state_of(const View& y) {
    DyadState s(y.n(), y.directed());
    const auto src = y.edge_sources();
    const auto tgt = y.edge_targets();
    for (std::size_t e = 0; e < src.size(); ++e)
        if (src[e] != tgt[e]) s.add(src[e], tgt[e]);
    return s;
}

}  // namespace ketennet::ergm::detail
