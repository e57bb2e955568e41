// The scorecard's indicators (include/ketennet/report/scorecard.hpp): one network's rows by
// goal, each computed by the library's kernels.
#include "ketennet/report/scorecard.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <set>
#include <unordered_map>

#include "ketennet/brokerage/gould_fernandez.hpp"
#include "ketennet/brokerage/homophily.hpp"
#include "ketennet/brokerage/partition.hpp"
#include "ketennet/centrality/betweenness.hpp"
#include "ketennet/cohesion/centralization.hpp"
#include "ketennet/cohesion/clustering.hpp"
#include "ketennet/cohesion/communities.hpp"
#include "ketennet/cohesion/complexity.hpp"
#include "ketennet/cohesion/components.hpp"
#include "ketennet/cohesion/density.hpp"
#include "ketennet/cohesion/partition_agreement.hpp"
#include "ketennet/cohesion/reciprocity.hpp"
#include "ketennet/eventlog/journeys.hpp"
#include "ketennet/flow/chain_score.hpp"
#include "ketennet/governance/structure.hpp"
#include "ketennet/resilience/articulation_points.hpp"
#include "ketennet/resilience/biconnected_components.hpp"
#include "ketennet/resilience/simulate.hpp"
#include "ketennet/resilience/vulnerability.hpp"
#include "ketennet/support/parallel.hpp"
#include "ketennet/support/quote.hpp"
#include "shared.hpp"

namespace ketennet::report {

const std::array<Goal, 4>& goals() {
    static const std::array<Goal, 4> g{{
        {"resilience", "Veerkracht en weerbaarheid", "Resilience"},
        {"learning", "Lerend vermogen", "Learning capacity"},
        {"effectiveness", "Effectieve ketens en netwerken", "Effective chains and networks"},
        {"citizen", "Burgerperspectief", "Citizen perspective"},
    }};
    return g;
}

const std::vector<std::string>& columns() {
    static const std::vector<std::string> c{"goal", "indicator", "scope", "subject", "value",
                                            "text", "unit", "direction", "layers", "meaning",
                                            "note", "source"};
    return c;
}

namespace {

using internal::join;
using internal::metadata_text;
using internal::volume_unit;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

const char* const SRC_PM = "Provan & Milward (1995), ASQ 40(1)";
const char* const SRC_FREEMAN = "Freeman (1979), Social Networks 1(3)";
const char* const SRC_BRANDES = "Freeman (1977); Brandes (2001)";
const char* const SRC_SCHNEIDER = "Schneider et al. (2011), PNAS 108(10); Newman & Ziff (2000)";
const char* const SRC_LM2005 = "Latora & Marchiori (2005), Phys. Rev. E 71";
const char* const SRC_GF = "Gould & Fernandez (1989); sna::brokerage";
const char* const SRC_KS = "Krackhardt & Stern (1988)";
const char* const SRC_JOURNEYS =
    "van der Aalst (2016), Process Mining; Inspectie JenV (2021): burgerperspectief";

const char* const NO_TIES =
    "no tie layer: collaboration indicators read the layers of agreements, collaboration or "
    "co-location only; declare them with kind 'tie' (add_layer(name, kind=\"tie\"), "
    "set_layer_kind, or \"kind\": \"tie\" in the JSON)";
const char* const NO_LOG =
    "needs an event log: pass log= (kn.eventlog.read_xes, read_csv or from_pandas) to "
    "measure the journeys cases actually make";

/// The sum NumPy computes for these values in this order (pairwise summation with eight
/// accumulators in blocks of up to 128), so that means agree bit for bit with pandas.
double numpy_sum(const double* a, std::size_t n) {
    if (n < 8) {
        double r = 0.0;
        for (std::size_t i = 0; i < n; ++i) r += a[i];
        return r;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j) r[j] = a[j];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; ++j) r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += a[i];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return numpy_sum(a, n2) + numpy_sum(a + n2, n - n2);
}

double numpy_sum(const std::vector<double>& v) { return numpy_sum(v.data(), v.size()); }

/// The view of some layers of @p net (unweighted, summed); an empty selection is an error,
/// as it is for every metric given a list of layers.
ViewPtr view_of(const Network& net, const std::vector<std::string>& layers) {
    if (layers.empty()) throw InputError("layers: an empty selection; pass None for all layers");
    ViewOptions o;
    o.layers = layers;
    return net.view(o);
}

/// Why sector indicators cannot be computed ("" when they can).
std::string sector_gap(const Network& net) {
    if (net.organisation_count() == 0) return "the network has no organisations";
    std::size_t missing = 0;
    std::set<std::string> sectors;
    for (const auto& o : net.organisations()) {
        if (o.sector.empty()) ++missing;
        sectors.insert(o.sector);
    }
    if (missing) return std::to_string(missing) + " organisation(s) have no sector";
    if (sectors.size() < 2) return "needs at least two sectors";
    return "";
}

/// A z as Python's "{:.1f}" writes it.
std::string one_decimal(double z) {
    if (std::isnan(z)) return "nan";
    if (std::isinf(z)) return z > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", z);
    return buf;
}

void replace_all(std::string& s, const std::string& what, const std::string& with) {
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
}

/// A value that may be missing, a yes/no or a text.
struct Value {
    double number = NaN;
    std::string text;
    static Value yes_no(bool b) { return {b ? 1.0 : 0.0, b ? "yes" : "no"}; }
    static Value of_text(std::string t) { return {NaN, std::move(t)}; }
    Value(double x = NaN, std::string t = {}) : number(x), text(std::move(t)) {}
};

struct RowSpec {
    std::string scope = "network", subject, layers, note;
};

/// Errors that make an indicator not computable (the reason becomes the row's note); any
/// other exception (cancellation, exhausted memory) ends the scorecard.
template <class F>
bool attempt(F&& f, std::string& why) {
    try {
        f();
        return true;
    } catch (const UnknownId& e) {
        why = e.what();
    } catch (const InputError& e) {
        why = e.what();
    } catch (const ConvergenceError& e) {
        why = e.what();
    }
    return false;
}

class Builder {
public:
    Builder(Scorecard& card, std::vector<std::string> layers, std::size_t top)
        : card_(card), net(card.network), layers(std::move(layers)), top(top),
          all_layers(join(this->layers)) {}

    Scorecard& card_;
    const Network& net;
    std::vector<std::string> layers;
    std::size_t top;
    std::string all_layers;

    void add(const std::string& goal, const std::string& indicator, Value value,
             const std::string& unit, const std::string& direction, const std::string& meaning,
             const std::string& source, RowSpec spec = {}) {
        ScorecardRow r;
        r.goal = goal;
        r.indicator = indicator;
        r.scope = spec.scope;
        r.subject = spec.subject;
        r.value = value.number;
        r.text = value.text;
        r.unit = unit;
        r.direction = direction;
        r.layers = spec.layers;
        r.meaning = meaning;
        r.note = spec.note;
        r.source = source;
        if (std::isnan(r.value) && r.text.empty() && r.note.empty()) r.note = "not defined for this network";
        card_.order.emplace_back(false, card_.fixed.size());
        card_.fixed.push_back(std::move(r));
    }

    /// A row whose value compute() gives; an input error becomes NaN with the reason.
    void guarded(const std::string& goal, const std::string& indicator,
                 const std::function<Value()>& compute, const std::string& unit,
                 const std::string& direction, const std::string& meaning,
                 const std::string& source, RowSpec spec = {}) {
        Value value;
        std::string why;
        if (!attempt([&] { value = compute(); }, why)) {
            value = Value();
            spec.note = (spec.note.empty() ? "" : spec.note + "; ") + "not computable: " + why;
        }
        add(goal, indicator, value, unit, direction, meaning, source, std::move(spec));
    }

    void na(const std::string& goal, const std::string& indicator, const std::string& unit,
            const std::string& direction, const std::string& meaning, const std::string& source,
            const std::string& note, RowSpec spec = {}) {
        spec.note = note;
        add(goal, indicator, Value(), unit, direction, meaning, source, std::move(spec));
    }

    /// guarded(), or na() with @p why when it is not empty.
    void maybe(const std::string& why, const std::string& goal, const std::string& indicator,
               const std::function<Value()>& compute, const std::string& unit,
               const std::string& direction, const std::string& meaning,
               const std::string& source, const std::string& layers_text) {
        RowSpec spec;
        spec.layers = layers_text;
        if (!why.empty())
            na(goal, indicator, unit, direction, meaning, source, why, spec);
        else
            guarded(goal, indicator, compute, unit, direction, meaning, source, spec);
    }

    /// A ranked indicator: compute() gives (ids, values); this network ranks its top largest
    /// positive values (all positive ones when top is nullopt).
    void ranked(const std::string& goal, const std::string& indicator, const std::string& unit,
                const std::string& direction, const std::string& source,
                const std::string& meaning, const std::string& layers_text,
                const std::function<void(Ranked&)>& compute, std::optional<std::size_t> n_top,
                std::string note = {}) {
        Ranked r;
        r.goal = goal;
        r.indicator = indicator;
        r.unit = unit;
        r.direction = direction;
        r.layers = layers_text;
        r.source = source;
        r.meaning = meaning;
        if (note.empty()) {
            std::string why;
            if (!attempt([&] { compute(r); }, why)) {
                r.ids.clear();
                r.values.clear();
                r.z.clear();
                note = "not computable: " + why;
            } else {
                std::vector<std::size_t> order;
                for (std::size_t i = 0; i < r.values.size(); ++i)
                    if (r.values[i] > 0) order.push_back(i);
                std::stable_sort(order.begin(), order.end(),
                                 [&](std::size_t a, std::size_t b) { return r.values[a] > r.values[b]; });
                if (n_top && order.size() > *n_top) order.resize(*n_top);
                for (std::size_t i : order) r.top.push_back(r.ids[i]);
            }
        }
        r.note = note;
        card_.order.emplace_back(true, card_.rankings.size());
        card_.rankings.push_back(std::move(r));
    }
};

RowSpec with_layers(const std::string& layers) {
    RowSpec s;
    s.layers = layers;
    return s;
}

// ------------------------------------------------------------------------ resilience

void vulnerability_rows(Builder& b, std::size_t n, const ProgressHandler& progress) {
    const std::string meaning =
        "share of the network's global efficiency lost when its most vulnerable organisation fails";
    std::string note;
    if (n < 2)
        note = "needs two organisations";
    else if (n > vulnerability_max)
        note = "not computed: more than " + std::to_string(vulnerability_max) +
               " organisations (efficiency vulnerability costs O(n^2 m))";
    std::vector<double> vul;
    if (note.empty()) {
        std::string why;
        if (!attempt([&] {
                if (b.layers.empty())
                    throw InputError("layers: an empty selection; pass None for all layers");
                resilience::VulnerabilityOptions o;
                o.selection.layers = b.layers;
                o.progress = progress;
                vul = resilience::vulnerability(b.net, o);
            }, why))
            note = "not computable: " + why;
    }
    double largest = NaN;
    if (!vul.empty() && note.empty())
        for (double x : vul)
            if (!std::isnan(x) && (std::isnan(largest) || x > largest)) largest = x;
    if (note.empty() && std::isnan(largest))
        note = "not defined: the network has no ties (its global efficiency is 0)";
    RowSpec spec = with_layers(b.all_layers);
    spec.note = note;
    b.add("resilience", "largest vulnerability (efficiency)", largest, "share", "lower", meaning,
          SRC_LM2005, spec);
    b.ranked("resilience", "vulnerability (efficiency)", "share", "lower", SRC_LM2005,
             "{label}: share of the network's global efficiency lost when it fails", b.all_layers,
             [&](Ranked& r) {
                 r.ids = *b.net.ids();
                 r.values = vul;
             },
             b.top, note);
}

void robustness_rows(Builder& b, std::size_t n, const ProgressHandler& progress) {
    std::string note;
    if (n < 2)
        note = "needs two organisations";
    else if (n > simulation_max)
        note = "not computed: more than " + std::to_string(simulation_max) + " organisations";
    const bool betweenness = n <= betweenness_attack_max;
    const std::string attack = betweenness ? "betweenness" : "degree";
    struct Run {
        std::string indicator, how;
        bool random;
    };
    const Run runs[] = {
        {"robustness R (random removal)", "organisations removed at random (50 runs, seed 0)", true},
        {"robustness R (targeted attack)",
         "organisations removed by a targeted attack on the highest " + attack +
             ", recomputed after each removal",
         false},
    };
    for (const Run& run : runs) {
        const std::string meaning = "mean share of organisations in the largest component while all "
                                    "are removed one by one: " + run.how +
                                    "; 0.5 is the most a network can have";
        if (!note.empty()) {
            b.na("resilience", run.indicator, "share", "higher", meaning, SRC_SCHNEIDER, note,
                 with_layers(b.all_layers));
            continue;
        }
        b.guarded("resilience", run.indicator, [&]() -> Value {
            if (b.layers.empty())
                throw InputError("layers: an empty selection; pass None for all layers");
            resilience::SimulationOptions o;
            o.measures = {resilience::Measure::largest_component};
            o.selection.layers = b.layers;
            o.progress = progress;
            if (run.random) {
                o.strategy = resilience::Strategy::random;
                o.runs = 50;
                o.seed = 0;
            } else {
                o.strategy = betweenness ? resilience::Strategy::betweenness
                                         : resilience::Strategy::degree;
                o.recompute = true;
                o.runs = 1;
            }
            const auto res = resilience::simulate(b.net, o);
            return numpy_sum(res.robustness) / double(res.runs);
        }, "share", "higher", meaning, SRC_SCHNEIDER, with_layers(b.all_layers));
    }
}

void throughput_loss_row(Builder& b, const std::string& name, const ProgressHandler& progress) {
    const std::string indicator = "largest throughput loss from one failure";
    const std::string meaning =
        "share of the chain's throughput (first to last stage) lost when its most critical "
        "organisation fails (organisations of the first and last stage left out: without them "
        "nothing enters or leaves)";
    const std::string src = std::string(SRC_LM2005) + "; Ford & Fulkerson (1956)";
    RowSpec spec;
    spec.scope = "chain";
    spec.subject = name;
    if (!b.net.has_chain(name)) {
        b.na("resilience", indicator, "share", "lower", meaning, src,
             "the network has no chain '" + name + "'", spec);
        return;
    }
    std::vector<double> vul;
    std::string why;
    if (!attempt([&] {
            resilience::VulnerabilityOptions o;
            o.measure = resilience::Measure::throughput;
            o.selection.chain = name;
            o.progress = progress;
            vul = resilience::vulnerability(b.net, o);
        }, why)) {
        b.na("resilience", indicator, "share", "lower", meaning, src, "not computable: " + why, spec);
        return;
    }
    const Chain& chain = b.net.chain(name);
    std::set<std::string> ends(chain.stages.front().organisations.begin(),
                               chain.stages.front().organisations.end());
    ends.insert(chain.stages.back().organisations.begin(), chain.stages.back().organisations.end());
    const auto& ids = *b.net.ids();
    std::optional<std::size_t> best;
    for (std::size_t v = 0; v < vul.size(); ++v) {
        if (ends.count(ids[v]) || std::isnan(vul[v])) continue;
        if (!best || vul[v] > vul[*best]) best = v;
    }
    if (!best) {
        b.na("resilience", indicator, "share", "lower", meaning, src,
             "no organisation between the first and last stage", spec);
        return;
    }
    spec.note = "when " + label(b.net, ids[*best]) + " fails";
    b.add("resilience", indicator, vul[*best], "share", "lower", meaning, src, spec);
}

// ------------------------------------------------------------------------ effectiveness

void collaboration_rows(Builder& b, const std::vector<std::string>& ties) {
    const Network& net = b.net;
    const std::string g = "effectiveness";
    const std::string tie_text = join(ties);
    const std::size_t n = net.organisation_count();
    std::string base = ties.empty() ? NO_TIES : "";
    if (base.empty() && view_of(net, ties)->m() == 0) {
        std::vector<std::string> q;
        for (const auto& t : ties) q.push_back(quoted_name(t));
        base = "the tie layer(s) " + join(q) + " hold no ties";
    }
    const std::string small = !base.empty() ? base : (n < 3 ? "needs three organisations" : "");
    std::string gap = !base.empty() ? base : sector_gap(net);
    b.maybe(small, g, "collaboration betweenness centralization",
            [&]() -> Value { return cohesion::betweenness_centralization(*view_of(net, ties)); },
            "share", "context",
            "how far the shortest routes between collaborating organisations run through one of "
            "them (1 = a star)",
            std::string(SRC_FREEMAN) + "; sna::centralization", tie_text);
    std::optional<brokerage::Brokerage> roles;
    std::optional<brokerage::Partition> part;
    if (gap.empty()) {
        std::string why;
        if (!attempt([&] {
                part = brokerage::partition_by(net, "sector");
                roles = brokerage::gould_fernandez(*view_of(net, ties), *part);
            }, why)) {
            roles.reset();
            gap = "not computable: " + why;
        }
    }
    const std::pair<const char*, brokerage::Role> role_list[] = {
        {"liaison", brokerage::Role::liaison}, {"gatekeeper", brokerage::Role::gatekeeper}};
    for (const auto& [role, index] : role_list) {
        const std::string what = std::string(role) == "liaison" ? "between two other sectors"
                                                                : "from another sector into its own";
        b.ranked(g, std::string("collaboration broker (") + role + ")", "pairs", "context", SRC_GF,
                 "{label} links collaborating pairs " + what +
                     " that have no direct tie (z = {z} against chance)",
                 tie_text,
                 [&](Ranked& r) {
                     r.ids = *net.ids();
                     const std::size_t k = std::size_t(index);
                     for (std::size_t v = 0; v < r.ids.size(); ++v) {
                         r.values.push_back(roles->raw[v * brokerage::role_count + k]);
                         r.z.push_back(roles->z[v * brokerage::role_count + k]);
                     }
                 },
                 b.top, gap);
    }
    b.maybe(gap, g, "collaboration E-I index (sectors)",
            [&]() -> Value { return brokerage::ei_index(*view_of(net, ties), *part).ei; },
            "index", "context",
            "(external - internal) / all collaboration ties by sector; +1 all cross sectors, -1 "
            "all stay inside",
            SRC_KS, tie_text);
    std::set<std::string> present;
    std::map<std::string, std::size_t> sizes;
    for (const auto& o : net.organisations()) {
        ++sizes[o.sector];
        if (!o.sector.empty()) present.insert(o.sector);
    }
    std::optional<brokerage::EIIndex> groups;
    if (gap.empty()) {
        std::string why;
        if (!attempt([&] { groups = brokerage::ei_index(*view_of(net, ties), *part); }, why))
            gap = "not computable: " + why;
    }
    for (const auto& sector : present) {
        RowSpec spec;
        spec.scope = "sector";
        spec.subject = sector;
        spec.layers = tie_text;
        spec.note = gap;
        double value = NaN;
        if (spec.note.empty()) {
            if (sizes[sector] < 2) {
                spec.note = "one organisation in the sector: trivially +1";
            } else {
                const auto at = std::find(part->labels.begin(), part->labels.end(), sector);
                value = groups->group_ei[std::size_t(at - part->labels.begin())];
                if (std::isnan(value)) spec.note = "the sector has no collaboration ties";
            }
        }
        b.add(g, "collaboration E-I index", value, "index", "context",
              "collaboration ties of sector '" + sector + "' across vs within it", SRC_KS, spec);
    }
    b.maybe(gap, g, "collaboration sector assortativity",
            [&]() -> Value {
                const double r = brokerage::assortativity(*view_of(net, ties), *part);
                if (std::isnan(r))
                    throw InputError("every tie joins two organisations of one sector or every "
                                     "sector has the same degree");
                return r;
            },
            "index", "context",
            "do collaboration ties stay within sectors (1) or prefer other sectors (< 0)?",
            "Newman (2003); NetworkX attribute_assortativity_coefficient", tie_text);
    std::optional<governance::ObservedGovernance> d;
    std::string why = small;
    if (why.empty()) {
        std::string e;
        if (!attempt([&] { d = governance::observe(net, *view_of(net, ties)); }, e))
            why = "not computable: " + e;
    }
    const std::string src = "Provan & Kenis (2008), JPART 18";
    RowSpec spec = with_layers(tie_text);
    spec.note = why;
    b.add(g, "collaboration governance mode (observed)", d ? Value::of_text(d->mode) : Value(),
          "mode", "context",
          "the governance mode the collaboration ties show" + (d ? ": " + d->reasoning[1] : ""),
          src, spec);
    // The scorecard gives no contingencies (trust, goal consensus, competency needs), so only
    // the number of participants is known: too little to indicate a mode.
    b.add(g, "collaboration governance mode (indicated)", d ? Value::of_text("undetermined") : Value(),
          "mode", "context",
          "the mode the contingencies point to; undetermined here, as trust, goal consensus and "
          "competency needs are not in the network data (give them to kn.governance.diagnose)",
          src, spec);
    b.add(g, "collaboration centrally integrated",
          d ? Value::yes_no(d->centrally_integrated) : Value(), "yes/no", "higher",
          "degree centralization of the collaboration ties >= 0.5 (effective networks are "
          "centrally integrated)",
          SRC_PM, spec);
}

void cohesion_rows(Builder& b) {
    const Network& net = b.net;
    const std::string g = "effectiveness";
    const std::size_t n = net.organisation_count();
    const std::string& sel = b.all_layers;
    b.maybe(n >= 3 ? "" : "needs three organisations", g, "transitivity",
            [&]() -> Value { return cohesion::transitivity(*view_of(net, b.layers)); }, "share",
            "context",
            "share of connected triples that are closed: partners of partners work together "
            "directly (layers merged)",
            "Wasserman & Faust (1994); NetworkX transitivity", sel);
    cohesion::Components comps;
    if (n) comps = cohesion::components(*view_of(net, b.layers));
    b.add(g, "weak components", double(comps.count()), "components", "lower",
          "groups of organisations with no tie between them (1: one connected network)",
          "Wasserman & Faust (1994)", with_layers(sel));
    b.maybe(n >= 1 ? "" : "the network has no organisations", g, "share in largest component",
            [&]() -> Value { return double(comps.size.at(0)) / double(n); }, "share", "higher",
            "share of organisations in the largest connected group", "Wasserman & Faust (1994)", sel);
    std::string no_ties = (n && view_of(net, b.layers)->m() > 0) ? "" : "the layers hold no ties";
    std::optional<cohesion::CommunityResult> found;
    if (no_ties.empty()) {
        std::string why;
        if (!attempt([&] {
                cohesion::CommunityOptions o;
                o.method = cohesion::CommunityMethod::louvain;
                o.seed = 0;
                found = cohesion::communities(*view_of(net, b.layers), o);
            }, why))
            no_ties = "not computable: " + why;
    }
    b.maybe(no_ties, g, "communities (Louvain)", [&]() -> Value { return double(found->size.size()); },
            "communities", "context",
            "groups tied more densely among themselves than to the rest (seed 0)",
            "Blondel et al. (2008)", sel);
    b.maybe(no_ties, g, "modularity (Louvain)", [&]() -> Value { return found->modularity; }, "share",
            "context",
            "how sharply the network splits into communities (0: not at all; above 0.3: clear "
            "groups)",
            "Newman & Girvan (2004); Blondel et al. (2008)", sel);
    std::string why = !no_ties.empty() ? no_ties : sector_gap(net);
    std::optional<cohesion::PartitionAgreement> agree;
    if (why.empty()) {
        std::string e;
        if (!attempt([&] {
                // both partitions coded by first appearance in network order
                std::vector<std::int64_t> a, s;
                std::unordered_map<std::size_t, std::int64_t> ca;
                std::unordered_map<std::string, std::int64_t> cs;
                const auto& orgs = net.organisations();
                for (std::size_t v = 0; v < orgs.size(); ++v) {
                    a.push_back(ca.emplace(found->membership[v], std::int64_t(ca.size())).first->second);
                    s.push_back(cs.emplace(orgs[v].sector, std::int64_t(cs.size())).first->second);
                }
                agree = cohesion::partition_agreement(a, s);
            }, e))
            why = "not computable: " + e;
    }
    b.maybe(why, g, "communities follow sectors (NMI)", [&]() -> Value { return agree->nmi; }, "share",
            "context",
            "agreement of the communities with the sectors: near 1 means ties stay within sector "
            "lines (silos), near 0 that they cross them",
            "Danon et al. (2005)", sel);
    b.maybe(why, g, "communities follow sectors (ARI)", [&]() -> Value { return agree->ari; }, "share",
            "context", "adjusted Rand index of communities and sectors (0: as by chance)",
            "Hubert & Arabie (1985)", sel);
    std::optional<std::vector<cohesion::ComplexityRow>> profile;
    std::string failed;
    {
        std::string e;
        if (!attempt([&] { profile = cohesion::complexity(net); }, e)) failed = "not computable: " + e;
    }
    const std::array<std::array<const char*, 3>, 4> wanted{{
        {"sector heterogeneity (Blau)", "context", "index"},
        {"single-intermediary pairs", "lower", "share"},
        {"cyclomatic number", "context", "loops"},
        {"average path length", "lower", "ties"},
    }};
    for (const auto& [indicator, direction, unit] : wanted) {
        const cohesion::ComplexityRow* row = nullptr;
        if (profile)
            for (const auto& r : *profile)
                if (r.indicator == indicator) {
                    row = &r;
                    break;
                }
        if (!row) {
            b.na(g, indicator, unit, direction, "", "ketennet complexity profile",
                 !profile ? failed : "not in the complexity profile", with_layers(sel));
            continue;
        }
        RowSpec spec = with_layers(sel);
        if (std::isnan(row->value)) spec.note = "not defined for this network (too few organisations or ties)";
        b.add(g, indicator, row->value, row->unit, direction, row->meaning,
              row->source.empty() ? "ketennet complexity profile" : row->source, spec);
    }
}

// ------------------------------------------------------------------------ chains

struct ChainRowSpec {
    const char* indicator;
    const char* goal;
    const char* meaning;
    const char* source;
};

const ChainRowSpec chain_rows[] = {
    {"lead time (fastest)", "effectiveness",
     "fastest route of a case from the first stage to the last (latency)",
     "Dijkstra (1959); WODC Cahier 2012-1 (doorlooptijden)"},
    {"arrival share", "effectiveness",
     "share of the cases entering the chain that reach its last stage", "Kemeny & Snell (1960)"},
    {"throughput", "effectiveness",
     "most cases per period that can move from the first stage to the last (maximum flow)",
     "Ford & Fulkerson (1956); Boykov & Kolmogorov (2004)"},
    {"bottleneck organisations", "effectiveness",
     "fewest organisations whose loss cuts every route from the first stage to the last (1: a "
     "single bottleneck; higher is more redundant)",
     "Menger (1927); Even (1975)"},
    {"fidelity (most reliable path)", "effectiveness",
     "best product of quality along a route from the first stage to the last",
     "most reliable path (Dijkstra on -log quality)"},
    {"fidelity (expected)", "effectiveness",
     "mean product of quality over the routes cases routed by volume take", "Kemeny & Snell (1960)"},
    {"feedback coverage", "learning",
     "share of pairs of stages in which the later stage sends information directly back to the "
     "earlier one",
     "Inspectie JenV (2021): lerend vermogen"},
    {"feedback reach", "learning",
     "share of pairs of stages in which the later stage reaches the earlier one along any path",
     "Inspectie JenV (2021): lerend vermogen"},
    {"exit reaches entry", "learning",
     "can outcomes travel back from the last stage to the first, so that those who act first "
     "hear about them?",
     "Inspectie JenV (2021): lerend vermogen; Tarjan (1972)"},
    {"lead time (expected)", "citizen",
     "how long a citizen's case takes on average from the first stage to the last (cases routed "
     "by volume)",
     "Kemeny & Snell (1960), absorbing Markov chains"},
    {"hand-offs on the typical path", "citizen",
     "hand-offs a citizen's case meets on the route most cases follow (most probable path by "
     "volume)",
     "van der Aalst, Reijers & Song (2005): handover of work"},
};

struct CitizenRowSpec {
    const char* indicator;
    const char* unit;
    const char* direction;
    const char* meaning;
};

const CitizenRowSpec citizen_chain_rows[] = {
    {"organisations a case passes", "organisations", "lower",
     "organisations a citizen deals with on the route most cases follow"},
    {"returns to an earlier stage", "share", "lower",
     "share of the chain's case movements that go back to an earlier stage (a citizen meets the "
     "same stage again)"},
};

/// The chain-level rows of flow::score_chain: (indicator, measure, unit, direction).
struct ChainMeasure {
    const char* indicator;
    const flow::ChainIndicator* measure;
    std::string unit;
    const char* direction;
    bool yes_no;
    const char* path_separator;
};

std::vector<ChainMeasure> chain_measures(const Network& net, const flow::ChainScore& s) {
    const bool cases = flow::case_records(net).present;
    return {
        {"lead time (fastest)", &s.lead_time, "days", "lower", false, " > "},
        {"lead time (expected)", &s.expected_lead_time, "days", "lower", false, " > "},
        {"arrival share", &s.arrival, "share", "higher", false, " > "},
        {"throughput", &s.throughput, cases ? "cases" : volume_unit(net, s.throughput.layers),
         "higher", false, " > "},
        {"bottleneck organisations", &s.bottlenecks, "organisations", "higher", false, ", "},
        {"fidelity (most reliable path)", &s.fidelity, "share", "higher", false, " > "},
        {"fidelity (expected)", &s.expected_fidelity, "share", "higher", false, " > "},
        {"hand-offs on the typical path", &s.handoffs, "hand-offs", "lower", false, " > "},
        {"feedback coverage", &s.feedback_coverage, "share", "higher", false, " > "},
        {"feedback reach", &s.feedback_reach, "share", "higher", false, " > "},
        {"exit reaches entry", &s.exit_reaches_entry, "yes/no", "higher", true, " > "},
    };
}

std::string path_text(const Network& net, const std::vector<vertex_t>& path, const char* sep) {
    std::vector<std::string> ids;
    for (vertex_t v : path) ids.push_back(net.organisation(v).id);
    return join(ids, sep);
}

void chain_rows_of(Builder& b, const std::string& name) {
    const Network& net = b.net;
    std::optional<flow::ChainScore> card;
    std::string why;
    if (!net.has_chain(name)) {
        why = "the network has no chain '" + name + "'";
    } else {
        std::string e;
        if (!attempt([&] { card = flow::score_chain(net, net.chain(name)); }, e))
            why = "the chain cannot be scored: " + e;
    }
    RowSpec chain_spec;
    chain_spec.scope = "chain";
    chain_spec.subject = name;
    if (!card) {
        for (const auto& c : chain_rows)
            b.na(c.goal, c.indicator, "", "context", c.meaning, c.source, why, chain_spec);
        for (const auto& c : citizen_chain_rows)
            b.na("citizen", c.indicator, c.unit, c.direction, c.meaning, "", why, chain_spec);
        return;
    }
    const auto measures = chain_measures(net, *card);
    auto find = [&](const std::string& indicator) -> const ChainMeasure& {
        for (const auto& m : measures)
            if (indicator == m.indicator) return m;
        throw std::logic_error("scorecard: no chain measure " + indicator);
    };
    for (const auto& c : chain_rows) {
        const ChainMeasure& m = find(c.indicator);
        const double x = m.measure->value;
        const bool missing = std::isnan(x);
        RowSpec spec = chain_spec;
        spec.layers = join(m.measure->layers);
        spec.note = missing ? "not computable: " + m.measure->note : m.measure->note;
        const std::string path = path_text(net, m.measure->path, m.path_separator);
        if (std::string(c.indicator) == "bottleneck organisations" && !path.empty() && !missing &&
            spec.note.empty())
            spec.note = path;
        const Value value = (m.yes_no && !missing) ? Value::yes_no(x != 0.0) : Value(x);
        b.add(c.goal, c.indicator, value, m.unit, m.direction, c.meaning, c.source, spec);
    }
    const flow::ChainIndicator& hand = card->handoffs;
    {
        const auto& c = citizen_chain_rows[0];
        RowSpec spec = chain_spec;
        spec.layers = join(hand.layers);
        const std::string src = "van der Aalst, Reijers & Song (2005)";
        if (std::isnan(hand.value)) {
            b.na("citizen", c.indicator, c.unit, c.direction, c.meaning, src,
                 "not computable: " + hand.note, spec);
        } else {
            spec.note = path_text(net, hand.path, " > ");
            b.add("citizen", c.indicator, hand.value + 1, c.unit, c.direction, c.meaning, src, spec);
        }
    }
    const auto& c = citizen_chain_rows[1];
    const std::string src = "Inspectie JenV (2021): burgerperspectief";
    if (card->attrition.empty()) {
        b.na("citizen", c.indicator, c.unit, c.direction, c.meaning, src,
             "not computable: " + card->attrition_basis.note, chain_spec);
        return;
    }
    // as pandas sums the stage table: flows on, sent back, leaves the chain, stage by stage
    std::vector<double> moved, back;
    for (const auto& a : card->attrition) moved.push_back(a.onward);
    for (const auto& a : card->attrition) {
        moved.push_back(a.back);
        back.push_back(a.back);
    }
    for (const auto& a : card->attrition) moved.push_back(a.out_of_chain);
    const double total = numpy_sum(moved), returned = numpy_sum(back);
    RowSpec spec = chain_spec;
    spec.layers = join(card->attrition_basis.layers);
    spec.note = total > 0 ? "" : "not computable: no case volume leaves any stage";
    b.add("citizen", c.indicator, total > 0 ? returned / total : NaN, c.unit, c.direction, c.meaning,
          src, spec);
}

// ------------------------------------------------------------------------ citizen

void journey_rows(Builder& b, const eventlog::EventLog* log) {
    const CitizenRowSpec rows[] = {
        {"cases followed", "cases", "context", "cases in the event log, each a citizen's journey"},
        {"lead time per case (median)", "days", "lower",
         "median time from a case's first event to its last"},
        {"organisations per case (mean)", "organisations", "lower",
         "mean number of distinct organisations a citizen's case meets"},
        {"hand-offs per case (mean)", "hand-offs", "lower",
         "mean number of times a case passes from one organisation to another"},
        {"cases with ping-pong", "share", "lower",
         "share of cases sent back and forth (A -> B -> A) between organisations"},
    };
    if (!log) {
        for (const auto& r : rows) b.na("citizen", r.indicator, r.unit, r.direction, r.meaning, SRC_JOURNEYS, NO_LOG);
        return;
    }
    eventlog::NodeKey key;
    key.source = log->organisation_source.empty() ? eventlog::NodeKey::Source::resource
                                                  : eventlog::NodeKey::Source::organisation;
    const eventlog::JourneyTable j = eventlog::journeys(*log, key, {.with_variants = false});
    const std::size_t cases = j.lead_ns.size();
    double values[5] = {double(cases), NaN, NaN, NaN, NaN};
    if (cases) {
        std::vector<double> days;
        for (auto ns : j.lead_ns) days.push_back(double(ns) / 1e9 / 86400.0);
        std::sort(days.begin(), days.end());
        const std::size_t h = cases / 2;
        values[1] = cases % 2 ? days[h] : (days[h - 1] + days[h]) / 2.0;
        std::vector<double> orgs(j.organisations.begin(), j.organisations.end());
        std::vector<double> hands(j.handovers.begin(), j.handovers.end());
        std::vector<double> ping;
        for (auto p : j.ping_pong) ping.push_back(p > 0 ? 1.0 : 0.0);
        values[2] = numpy_sum(orgs) / double(cases);
        values[3] = numpy_sum(hands) / double(cases);
        values[4] = numpy_sum(ping) / double(cases);
    }
    for (std::size_t i = 0; i < 5; ++i) {
        RowSpec spec;
        spec.note = (cases || i == 0) ? "" : "the event log has no cases";
        b.add("citizen", rows[i].indicator, values[i], rows[i].unit, rows[i].direction, rows[i].meaning,
              SRC_JOURNEYS, spec);
    }
}

}  // namespace

std::string label(const Network& net, const std::string& id) {
    const auto v = net.find_organisation(id);
    if (!v) return id;
    const std::string& name = net.organisation(*v).name;
    return !name.empty() && name != id ? name + " (" + id + ")" : id;
}

Scorecard scorecard(const Network& net, const ScorecardOptions& options) {
    for (const auto& l : options.layers)
        if (!net.has_layer(l))
            throw UnknownId("scorecard: unknown layer '" + l + "' (" + net.layer_names() + ")");
    std::vector<std::string> sel = options.layers;
    if (sel.empty())
        for (const auto& l : net.layers()) sel.push_back(l.name);
    Scorecard card{options.layers.empty() ? net : net.select_layers(sel), {}, {}, {}};
    std::vector<std::string> chain_names;
    if (options.chains)
        chain_names = *options.chains;
    else
        for (const auto& c : net.chains()) chain_names.push_back(c.name);
    Builder b(card, sel, options.top);
    const Network& sub = card.network;
    const std::size_t n = sub.organisation_count();
    std::vector<std::string> ties, directed;
    for (const auto& name : sel) {
        const Layer& l = sub.layer(name);
        if (l.kind == LayerKind::tie) ties.push_back(name);
        if (l.directed) directed.push_back(name);
    }
    const std::string& all = b.all_layers;

    // ------------------------------------------------------------------ resilience
    std::vector<vertex_t> cut;
    if (n) cut = resilience::articulation_points(*sub.view());
    b.add("resilience", "single points of failure", double(cut.size()), "organisations", "lower",
          "organisations whose loss disconnects others (articulation points, the undirected "
          "projection of the layers)",
          "Hopcroft & Tarjan (1973)", with_layers(all));
    b.ranked("resilience", "single point of failure", "flag", "lower", "Hopcroft & Tarjan (1973)",
             "{label} disconnects the network when it fails (1: yes, 0: no)", all,
             [&](Ranked& r) {
                 r.ids = *sub.ids();
                 r.values.assign(n, 0.0);
                 for (vertex_t v : cut) r.values[v] = 1.0;
             },
             std::nullopt);
    b.guarded("resilience", "bridges",
              [&]() -> Value { return double(resilience::bridges(*sub.view()).size()); }, "ties",
              "lower", "ties whose loss splits the network (undirected projection)", "Tarjan (1974)",
              with_layers(all));
    vulnerability_rows(b, n, options.progress);
    robustness_rows(b, n, options.progress);
    for (const auto& name : chain_names) throughput_loss_row(b, name, options.progress);

    // ------------------------------------------------------------------ learning capacity
    const std::string reciprocity_meaning =
        "share of directed ties that are returned: information flows back";
    if (!directed.empty())
        b.guarded("learning", "reciprocity",
                  [&]() -> Value { return cohesion::reciprocity(*view_of(sub, directed)); }, "share",
                  "higher", reciprocity_meaning,
                  "Wasserman & Faust (1994); NetworkX overall_reciprocity", with_layers(join(directed)));
    else
        b.na("learning", "reciprocity", "share", "higher", reciprocity_meaning,
             "Wasserman & Faust (1994)", "no directed layer: every tie is mutual");
    for (const auto& name : sel) {
        const std::string meaning = "share of ties in layer '" + name + "' that are returned";
        RowSpec spec;
        spec.scope = "layer";
        spec.subject = name;
        spec.layers = name;
        if (!sub.layer(name).directed)
            b.na("learning", "reciprocity", "share", "higher", meaning, "Wasserman & Faust (1994)",
                 "undirected layer: every tie is mutual", spec);
        else
            b.guarded("learning", "reciprocity",
                      [&]() -> Value { return cohesion::reciprocity(*view_of(sub, {name})); }, "share",
                      "higher", meaning, "Wasserman & Faust (1994)", spec);
    }

    // ------------------------------------------------------------------ effectiveness
    b.add("effectiveness", "organisations", double(n), "organisations", "context",
          "size of the network", "");
    b.add("effectiveness", "relations", double(sub.relation_count()), "relations", "context",
          "relations in the layers", "", with_layers(all));
    std::set<std::string> sectors;
    for (const auto& o : sub.organisations())
        if (!o.sector.empty()) sectors.insert(o.sector);
    b.add("effectiveness", "sectors", double(sectors.size()), "sectors", "context",
          "distinct sectors taking part", "");
    b.guarded("effectiveness", "density", [&]() -> Value { return cohesion::density(*view_of(sub, sel)); },
              "share", "context", "share of possible ties present (layers merged): integration",
              SRC_PM, with_layers(all));
    for (const auto& name : sel) {
        RowSpec spec;
        spec.scope = "layer";
        spec.subject = name;
        spec.layers = name;
        b.guarded("effectiveness", "density",
                  [&]() -> Value { return cohesion::density(*view_of(sub, {name})); }, "share",
                  "context", "share of possible ties present in layer '" + name + "'", SRC_PM, spec);
    }
    b.maybe(n >= 3 ? "" : "needs three organisations", "effectiveness", "degree centralization",
            [&]() -> Value {
                return cohesion::degree_centralization(*view_of(sub, sel), centrality::Direction::all);
            },
            "share", "context", "how far integration runs through one organisation (1 = a star)",
            std::string(SRC_FREEMAN) + "; " + SRC_PM, all);
    b.ranked("effectiveness", "broker (betweenness)", "share of pairs", "context", SRC_BRANDES,
             "{label}: share of shortest paths between others through it", all,
             [&](Ranked& r) {
                 const auto view = view_of(sub, sel);
                 r.ids = view->ids();
                 r.values = centrality::betweenness(*view);
             },
             options.top);
    collaboration_rows(b, ties);
    cohesion_rows(b);

    // ------------------------------------------------------------------ chains
    for (const auto& name : chain_names) chain_rows_of(b, name);

    // ------------------------------------------------------------------ citizen perspective
    journey_rows(b, options.log);
    return card;
}

namespace {

ScorecardRow ranked_row(const Network& net, const Ranked& e, const std::string& id) {
    ScorecardRow r;
    r.goal = e.goal;
    r.indicator = e.indicator;
    r.scope = "organisation";
    r.subject = id;
    r.value = NaN;
    r.note = e.note;
    r.unit = e.unit;
    r.direction = e.direction;
    r.layers = e.layers;
    r.source = e.source;
    double z = NaN;
    const auto at = std::find(e.ids.begin(), e.ids.end(), id);
    if (at != e.ids.end()) {
        const std::size_t i = std::size_t(at - e.ids.begin());
        r.value = e.values[i];
        if (!e.z.empty()) z = e.z[i];
        if (e.note.empty() && std::find(e.top.begin(), e.top.end(), id) == e.top.end() &&
            !std::isnan(r.value))
            r.note = "not among the organisations this network ranks; shown to align the batch";
    } else if (e.note.empty()) {
        r.note = "not an organisation of this network";
    }
    r.meaning = e.meaning;
    replace_all(r.meaning, "{label}", label(net, id));
    replace_all(r.meaning, "{z}", one_decimal(z));
    if (std::isnan(r.value) && r.text.empty() && r.note.empty()) r.note = "not defined for this network";
    return r;
}

}  // namespace

std::vector<ScorecardRow> Scorecard::rows() const {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> own;
    for (const auto& e : rankings) own[{e.goal, e.indicator}] = e.top;
    return rows(own);
}

std::vector<ScorecardRow> Scorecard::rows(
    const std::map<std::pair<std::string, std::string>, std::vector<std::string>>& subjects) const {
    std::vector<ScorecardRow> out;
    for (const auto& [is_ranked, i] : order) {
        if (!is_ranked) {
            out.push_back(fixed[i]);
            continue;
        }
        const Ranked& e = rankings[i];
        const auto it = subjects.find({e.goal, e.indicator});
        if (it == subjects.end()) continue;
        for (const auto& id : it->second) out.push_back(ranked_row(network, e, id));
    }
    return out;
}

std::vector<Scorecard> scorecards(const std::vector<const Network*>& networks,
                                  const std::vector<ScorecardOptions>& options, unsigned threads,
                                  const ProgressHandler& progress) {
    if (options.size() != 1 && options.size() != networks.size())
        throw InputError("scorecards: " + std::to_string(networks.size()) + " networks but " +
                         std::to_string(options.size()) + " options; give one per network, or one for all");
    std::vector<std::optional<Scorecard>> cards(networks.size());
    parallel_blocks(networks.size(), threads, [&](std::size_t i) {
        ScorecardOptions o = options[options.size() == 1 ? 0 : i];
        o.progress = {};
        cards[i] = scorecard(*networks[i], o);
    }, progress);
    std::vector<Scorecard> out;
    out.reserve(cards.size());
    for (auto& c : cards) out.push_back(std::move(*c));
    return out;
}

std::vector<std::vector<ScorecardRow>> batch_rows(const std::vector<Scorecard>& cards) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> subjects;
    for (const auto& card : cards)
        for (const auto& e : card.rankings) {
            auto& ids = subjects[{e.goal, e.indicator}];
            for (const auto& id : e.top)
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
    std::vector<std::vector<ScorecardRow>> out;
    for (const auto& card : cards) out.push_back(card.rows(subjects));
    if (out.size() < 2) return out;
    // layer- and sector-scope rows that some networks lack: NaN rows with a note there; every
    // network's rows then by goal, and within a goal by where the key first appears
    using Key = std::array<std::string, 4>;
    auto key_of = [](const ScorecardRow& r) { return Key{r.goal, r.indicator, r.scope, r.subject}; };
    std::map<Key, std::size_t> rank;
    std::vector<ScorecardRow> scoped;
    std::set<Key> scoped_keys;
    for (const auto& rows : out)
        for (const auto& r : rows) {
            rank.emplace(key_of(r), rank.size());
            if ((r.scope == "layer" || r.scope == "sector") && scoped_keys.insert(key_of(r)).second)
                scoped.push_back(r);
        }
    std::map<std::string, std::size_t> goal_order;
    for (const auto& g : goals()) goal_order.emplace(g.key, goal_order.size());
    for (auto& rows : out) {
        std::set<Key> have;
        for (const auto& r : rows) have.insert(key_of(r));
        for (const auto& r : scoped) {
            if (have.count(key_of(r))) continue;
            ScorecardRow extra = r;
            extra.value = std::numeric_limits<double>::quiet_NaN();
            extra.text.clear();
            extra.layers.clear();
            extra.note = r.scope == "layer" ? "the network has no layer '" + r.subject + "'"
                                            : "the network has no organisation of sector '" + r.subject + "'";
            rows.push_back(std::move(extra));
        }
        std::stable_sort(rows.begin(), rows.end(), [&](const ScorecardRow& a, const ScorecardRow& b) {
            const auto ga = goal_order.at(a.goal), gb = goal_order.at(b.goal);
            return ga != gb ? ga < gb : rank.at(key_of(a)) < rank.at(key_of(b));
        });
    }
    return out;
}

}  // namespace ketennet::report
