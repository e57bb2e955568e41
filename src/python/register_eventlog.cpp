// Bindings of the event-log area: the columnar log, the XES reader, handover / working
// together / subcontracting networks, pair tables, journeys and time-respecting reach.
#include <memory>

#include "common.hpp"

namespace ketennet::python {

namespace {

using eventlog::AttributeColumnData;
using eventlog::AttributeKind;
using eventlog::EventLog;
using eventlog::NodeKey;
using LogPtr = std::shared_ptr<EventLog>;

template <class T>
using carray = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
std::vector<T> to_vector(const carray<T>& a) {
    return std::vector<T>(a.data(), a.data() + a.size());
}

template <class T>
py::array_t<T> array_of(const std::vector<T>& v) {
    py::array_t<T> a(py::ssize_t(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

NodeKey node_key(const std::string& source, const std::string& attribute) {
    NodeKey k;
    if (source == "organisation") k.source = NodeKey::Source::organisation;
    else if (source == "resource") k.source = NodeKey::Source::resource;
    else if (source == "activity") k.source = NodeKey::Source::activity;
    else if (source == "attribute") {
        k.source = NodeKey::Source::attribute;
        k.attribute = attribute;
    } else {
        throw InputError("node source must be 'organisation', 'resource', 'activity' or 'attribute', not '" + source + "'");
    }
    return k;
}

std::vector<std::int32_t> codes32(const carray<std::int64_t>& codes, std::size_t n_values,
                                  const std::string& what) {
    std::vector<std::int32_t> out(std::size_t(codes.size()));
    const auto* p = codes.data();
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (p[i] < -1 || p[i] >= std::int64_t(n_values))
            throw InputError(what + ": code out of range at row " + std::to_string(i));
        out[i] = std::int32_t(p[i]);
    }
    return out;
}

py::object attribute_array(const AttributeColumnData& a) {
    py::dict d;
    d["name"] = a.name;
    d["kind"] = eventlog::kind_name(a.kind);
    switch (a.kind) {
        case AttributeKind::string:
        case AttributeKind::id:
            d["codes"] = array_of(a.codes);
            d["values"] = a.dictionary.values();
            break;
        case AttributeKind::date:
        case AttributeKind::integer: d["values"] = array_of(a.ints); break;
        case AttributeKind::real: d["values"] = array_of(a.reals); break;
        default: d["values"] = array_of(a.flags); break;
    }
    return d;
}

py::dict to_python(const eventlog::TransitionTable& t) {
    py::dict d;
    d["nodes"] = t.nodes;
    d["node_events"] = array_of(t.node_events);
    d["node_starts"] = array_of(t.node_starts);
    d["node_ends"] = array_of(t.node_ends);
    d["source"] = array_of(t.source);
    d["target"] = array_of(t.target);
    d["volume"] = array_of(t.volume);
    d["handovers"] = array_of(t.handovers);
    d["cases"] = array_of(t.cases);
    d["share"] = array_of(t.share);
    d["mean_seconds"] = array_of(t.mean_seconds);
    d["median_seconds"] = array_of(t.median_seconds);
    py::list qs;
    for (const auto& q : t.quantile_seconds) qs.append(array_of(q));
    d["quantile_seconds"] = qs;
    d["skipped_events"] = t.skipped_events;
    d["total_volume"] = t.total_volume;
    return d;
}

/// {start, end, lead_ns, ..., nodes, variant, variants (node-name tuples when asked for),
/// variant_cases, skipped_events}
py::dict to_python(const eventlog::JourneyTable& j, bool with_variants) {
    py::dict d;
    d["start"] = array_of(j.start);
    d["end"] = array_of(j.end);
    d["lead_ns"] = array_of(j.lead_ns);
    d["waiting_ns"] = array_of(j.waiting_ns);
    d["events"] = array_of(j.events);
    d["unmapped"] = array_of(j.unmapped);
    d["visits"] = array_of(j.visits);
    d["organisations"] = array_of(j.organisations);
    d["handovers"] = array_of(j.handovers);
    d["ping_pong"] = array_of(j.ping_pong);
    d["repeated_visits"] = array_of(j.repeated_visits);
    d["first"] = array_of(j.first_org);
    d["last"] = array_of(j.last_org);
    d["waiting_share"] = array_of(j.waiting_share);
    d["nodes"] = j.nodes;
    d["variant"] = array_of(j.variant);
    py::list vs;
    if (with_variants) for (const auto& v : j.variants) {
        py::tuple t(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) t[i] = py::str(j.nodes[std::size_t(v[i])]);
        vs.append(t);
    }
    d["variants"] = vs;
    d["variant_cases"] = array_of(j.variant_cases);
    d["skipped_events"] = j.skipped_events;
    return d;
}

/// The columns of a log: {case, cases, activity, activities, resource, resources,
/// organisation, organisations, time, case_offsets, event_attributes, case_attributes}.
py::dict to_python(const EventLog& l) {
    py::dict d;
    d["case"] = array_of(l.case_index);
    d["cases"] = l.cases.values();
    d["activity"] = array_of(l.activity);
    d["activities"] = l.activities.values();
    d["resource"] = array_of(l.resource);
    d["resources"] = l.resources.values();
    d["organisation"] = array_of(l.organisation);
    d["organisations"] = l.organisations.values();
    d["time"] = array_of(l.time);
    d["case_offsets"] = array_of(l.case_offsets());
    py::list ea, ca;
    for (const auto& a : l.event_attributes) ea.append(attribute_array(a));
    for (const auto& a : l.case_attributes) ca.append(attribute_array(a));
    d["event_attributes"] = ea;
    d["case_attributes"] = ca;
    return d;
}

/// {nodes, reachable (n x n bool), fastest_ns, first_arrival_ns (n x n int64, the smallest
/// int64 = unreachable), reach, reached_by, contacts, skipped_events, within_ns, stage_order:
/// None or {cases (int8 per case: 0 respects, 1 violates, 2 unstaged, 3 no organisation),
/// respecting, violating, unstaged, no_organisation, share, unstaged_nodes}}.
py::dict to_python(const eventlog::TemporalReach& r) {
    const auto n = py::ssize_t(r.nodes.size());
    py::dict d;
    d["nodes"] = r.nodes;
    py::array_t<bool> reachable({n, n});
    std::copy(r.reachable.begin(), r.reachable.end(), reachable.mutable_data());
    d["reachable"] = reachable;
    d["fastest_ns"] = array_of(r.fastest_ns).reshape({n, n});
    d["first_arrival_ns"] = array_of(r.first_arrival_ns).reshape({n, n});
    d["reach"] = array_of(r.reach);
    d["reached_by"] = array_of(r.reached_by);
    d["contacts"] = r.contacts;
    d["skipped_events"] = r.skipped_events;
    d["within_ns"] = r.within_ns;
    if (r.with_stage_order) {
        const auto& s = r.stage_order;
        py::dict so;
        py::array_t<std::int8_t> cases(py::ssize_t(s.cases.size()));
        for (std::size_t i = 0; i < s.cases.size(); ++i) cases.mutable_data()[i] = std::int8_t(s.cases[i]);
        so["cases"] = cases;
        so["respecting"] = s.respecting;
        so["violating"] = s.violating;
        so["unstaged"] = s.unstaged;
        so["no_organisation"] = s.no_organisation;
        so["share"] = s.share;
        so["unstaged_nodes"] = s.unstaged_nodes;
        d["stage_order"] = so;
    } else {
        d["stage_order"] = py::none();
    }
    return d;
}

/// What eventlog::within_norm() counts, as (share, within, total).
py::tuple to_python(const eventlog::WithinNorm& w) {
    return py::make_tuple(w.share, w.within, w.total);
}

}  // namespace

void register_eventlog(py::module_& m) {
    auto ev = m.def_submodule("eventlog", "Process event logs: columnar log, XES, handover networks, journeys");
    py::class_<EventLog, LogPtr>(ev, "EventLog", "The columnar event log (see ketennet.eventlog.EventLog).")
        .def_property_readonly("event_count", &EventLog::event_count)
        .def_property_readonly("case_count", &EventLog::case_count)
        .def_property_readonly("reordered_cases", &EventLog::reordered_cases)
        .def_property_readonly("reordered_events", &EventLog::reordered_events)
        .def_property_readonly("unmapped_events", &EventLog::unmapped_events)
        .def_property_readonly("organisation_source", [](const EventLog& l) { return l.organisation_source; })
        .def_property_readonly("nbytes", [](const EventLog& l) {
            return py::make_tuple(EventLog::core_bytes_per_event() * l.event_count() +
                                      sizeof(std::int64_t) * (l.case_count() + 1),
                                  l.string_bytes());
        })
        .def("columns", [](const EventLog& l) { return to_python(l); })
        .def("case_ids", [](const EventLog& l) { return l.cases.values(); })
        .def("event_attribute_names", [](const EventLog& l) {
            std::vector<std::string> out;
            for (const auto& a : l.event_attributes) out.push_back(a.name);
            return out;
        })
        .def("with_mapping", [](const EventLog& l, const std::vector<std::string>& keys,
                                const std::vector<std::string>& values, bool by_resource) {
            auto out = std::make_shared<EventLog>(l);
            out->map_organisations(keys, values, by_resource);
            return out;
        }, py::arg("keys"), py::arg("values"), py::arg("by_resource"))
        .def("with_organisation_attribute", [](const EventLog& l, const std::string& name) {
            auto out = std::make_shared<EventLog>(l);
            out->organisations_from_attribute(name);
            return out;
        }, py::arg("name"));

    ev.def("from_columns", [](const carray<std::int64_t>& case_codes, std::vector<std::string> case_names,
                              const carray<std::int64_t>& activity_codes, std::vector<std::string> activity_names,
                              const carray<std::int64_t>& time,
                              const carray<std::int64_t>& resource_codes, std::vector<std::string> resource_names,
                              const carray<std::int64_t>& org_codes, std::vector<std::string> org_names,
                              const py::list& attributes, const std::string& organisation_source) {
        auto log = std::make_shared<EventLog>();
        const std::size_t n = std::size_t(case_codes.size());
        log->cases = eventlog::Dictionary::from_values(std::move(case_names), "case ids");
        log->activities = eventlog::Dictionary::from_values(std::move(activity_names), "activities");
        log->resources = eventlog::Dictionary::from_values(std::move(resource_names), "resources");
        log->organisations = eventlog::Dictionary::from_values(std::move(org_names), "organisations");
        log->organisation_source = organisation_source;
        for (auto item : attributes) {
            auto t = item.cast<py::tuple>();
            AttributeColumnData a;
            a.name = t[0].cast<std::string>();
            const std::string kind = t[1].cast<std::string>();
            if (kind == "string") {
                a.kind = AttributeKind::string;
                auto values = t[3].cast<std::vector<std::string>>();
                a.codes = codes32(t[2].cast<carray<std::int64_t>>(), values.size(), "attribute '" + a.name + "'");
                a.dictionary = eventlog::Dictionary::from_values(std::move(values), "attribute '" + a.name + "'");
            } else if (kind == "float") {
                a.kind = AttributeKind::real;
                a.reals = to_vector(t[2].cast<carray<double>>());
            } else if (kind == "date" || kind == "int") {
                a.kind = kind == "date" ? AttributeKind::date : AttributeKind::integer;
                a.ints = to_vector(t[2].cast<carray<std::int64_t>>());
            } else if (kind == "boolean") {
                a.kind = AttributeKind::boolean;
                a.flags = to_vector(t[2].cast<carray<std::int8_t>>());
            } else {
                throw InputError("attribute '" + a.name + "': unknown kind '" + kind + "'");
            }
            log->event_attributes.push_back(std::move(a));
        }
        call_released([&] {
            auto cc = codes32(case_codes, log->cases.size(), "case column");
            for (std::size_t i = 0; i < n; ++i)
                if (cc[i] < 0) throw InputError("row " + std::to_string(i) + ": missing case id");
            auto ac = codes32(activity_codes, log->activities.size(), "activity column");
            for (std::size_t i = 0; i < ac.size(); ++i)
                if (ac[i] < 0) throw InputError("row " + std::to_string(i) + ": missing activity");
            log->case_index = std::move(cc);
            log->activity = std::move(ac);
            log->time = to_vector(time);
            if (resource_codes.size() > 0) log->resource = codes32(resource_codes, log->resources.size(), "resource column");
            if (org_codes.size() > 0) log->organisation = codes32(org_codes, log->organisations.size(), "organisation column");
            log->finalise("row");
        });
        return log;
    }, py::arg("case_codes"), py::arg("case_names"), py::arg("activity_codes"), py::arg("activity_names"),
       py::arg("time"), py::arg("resource_codes"), py::arg("resource_names"), py::arg("org_codes"),
       py::arg("org_names"), py::arg("attributes"), py::arg("organisation_source") = "");

    ev.def("read_xes", [](const std::string& path, std::uint64_t max_token_bytes, std::uint64_t max_bytes,
                          py::object progress) {
        io::XesOptions o{.max_token_bytes = max_token_bytes, .max_bytes = max_bytes, .progress = {}};
        return call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return std::make_shared<EventLog>(io::read_xes(path, options));
        });
    }, py::arg("path"), py::arg("max_token_bytes") = io::XesOptions{}.max_token_bytes,
       py::arg("max_bytes") = io::XesOptions{}.max_bytes, py::arg("progress") = py::none());
    ev.def("read_xes_string", [](const std::string& text, const std::string& origin,
                                 std::uint64_t max_token_bytes, std::uint64_t max_bytes) {
        io::XesOptions o{.max_token_bytes = max_token_bytes, .max_bytes = max_bytes, .progress = {}};
        return call_released([&] { return std::make_shared<EventLog>(io::read_xes_string(text, origin, o)); });
    }, py::arg("text"), py::arg("origin") = "<string>",
       py::arg("max_token_bytes") = io::XesOptions{}.max_token_bytes,
       py::arg("max_bytes") = io::XesOptions{}.max_bytes);

    ev.def("transitions", [](const EventLog& log, const std::string& source, const std::string& attribute,
                             double beta, bool self_loops, std::vector<double> quantiles, py::object progress) {
        eventlog::TransitionOptions o{.beta = beta, .self_loops = self_loops, .quantiles = std::move(quantiles)};
        const NodeKey key = node_key(source, attribute);
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return eventlog::transitions(log, key, options);
        }));
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "",
       py::arg("beta") = eventlog::TransitionOptions{}.beta,
       py::arg("self_loops") = eventlog::TransitionOptions{}.self_loops, py::arg("quantiles") = std::vector<double>{}, py::arg("progress") = py::none());

    ev.def("handover_network", [](const EventLog& log, const std::string& source, const std::string& attribute,
                                  double beta, bool self_loops, std::vector<double> quantiles, py::object progress,
                                  std::int64_t from, std::int64_t until) {
        eventlog::TransitionOptions o{.beta = beta, .self_loops = self_loops, .quantiles = std::move(quantiles),
                                      .from = from, .until = until};
        const NodeKey key = node_key(source, attribute);
        return call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return eventlog::handover_network(log, key, options);
        });
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "",
       py::arg("beta") = eventlog::TransitionOptions{}.beta,
       py::arg("self_loops") = eventlog::TransitionOptions{}.self_loops, py::arg("quantiles") = std::vector<double>{}, py::arg("progress") = py::none(),
       py::arg("window_from") = eventlog::TransitionOptions{}.from,
       py::arg("window_until") = eventlog::TransitionOptions{}.until);

    ev.def("working_together", [](const EventLog& log, const std::string& source, const std::string& attribute) {
        const NodeKey key = node_key(source, attribute);
        return call_released([&] { return eventlog::working_together(log, key); });
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "");

    ev.def("subcontracting", [](const EventLog& log, const std::string& source, const std::string& attribute,
                                int n, bool self_loops) {
        const NodeKey key = node_key(source, attribute);
        return call_released([&] {
            return eventlog::subcontracting(log, key, {.n = n, .self_loops = self_loops});
        });
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "",
       py::arg("n") = eventlog::SubcontractingOptions{}.n,
       py::arg("self_loops") = eventlog::SubcontractingOptions{}.self_loops);

    ev.def("journeys", [](const EventLog& log, const std::string& source, const std::string& attribute,
                          bool collapse, bool with_variants, py::object progress) {
        const NodeKey key = node_key(source, attribute);
        eventlog::JourneyOptions o{.collapse = collapse, .with_variants = with_variants};
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return eventlog::journeys(log, key, options);
        }), with_variants);
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "",
       py::arg("collapse") = eventlog::JourneyOptions{}.collapse,
       py::arg("with_variants") = eventlog::JourneyOptions{}.with_variants, py::arg("progress") = py::none());

    ev.def("temporal_reach", [](const EventLog& log, const std::string& source, const std::string& attribute,
                                std::int64_t within_ns, const std::vector<std::pair<std::string, std::vector<std::string>>>& stages,
                                unsigned threads, py::object progress) {
        const NodeKey key = node_key(source, attribute);
        eventlog::TemporalReachOptions o{.within_ns = within_ns, .stages = {}, .threads = threads, .progress = {}};
        for (const auto& [name, orgs] : stages) o.stages.push_back(Stage{name, orgs});
        return to_python(call_released(std::move(o), std::move(progress), [&](const auto& options) {
            return eventlog::temporal_reach(log, key, options);
        }));
    }, py::arg("log"), py::arg("source"), py::arg("attribute") = "",
       py::arg("within_ns") = eventlog::TemporalReachOptions{}.within_ns,
       py::arg("stages") = std::vector<std::pair<std::string, std::vector<std::string>>>{},
       py::arg("threads") = 0, py::arg("progress") = py::none());
    ev.attr("NO_WAIT_LIMIT") = eventlog::no_wait_limit;

    py::list norms;
    for (const auto& n : eventlog::norms()) norms.append(py::make_tuple(n.name, n.days, n.share));
    ev.attr("NORMS") = norms;
    ev.def("norm_days", &eventlog::norm_days, py::arg("name"));
    ev.def("within_norm", [](const carray<std::int64_t>& lead_ns, double days) {
        const std::vector<std::int64_t> lead = to_vector(lead_ns);
        return to_python(call_released([&] { return eventlog::within_norm_ns(lead, days); }));
    }, py::arg("lead_ns"), py::arg("days"));
}

}  // namespace ketennet::python
