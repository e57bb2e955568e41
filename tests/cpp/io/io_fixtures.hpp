// Networks used by the JSON and GraphML round-trip tests (not a test file itself).
#pragma once

#include <nlohmann/json.hpp>

#include "../test_helpers.hpp"

namespace kt {

/// A network using every part of the model:
///
///   layers: case (directed), coloc (undirected), it (directed, no relations)
///
///   case:   politie --> om --> rechtspraak --> cjib        om --> om (self-loop)
///   coloc:  politie --- om,   om --- rvdk
///
/// organisations with unicode names and attributes of all three types; relations with some
/// fields unknown; a chain with an empty stage; metadata with nested objects whose keys are
/// not sorted.
inline ketennet::Network rich_network() {
    using namespace ketennet;
    Network net("Strafrechtketen \xE2\x80\x93 Noord");  // en dash
    nlohmann::ordered_json md = nlohmann::ordered_json::object();
    md["year"] = 2022;
    md["sources"] = {"CBS", "WODC", "Prestaties in de strafrechtketen"};
    md["zeta"] = {{"z", 1}, {"a", {{"deep", true}, {"b", nullptr}}}};
    md["ratio"] = 0.125;
    md["alpha"] = "last";
    net.set_metadata(md);

    net.add_layer("case");
    net.add_layer("coloc", false);
    net.add_layer("it");

    net.add_organisation({"politie", "Nationale Politie", "politie",
                          {{"fte", 63000.0}, {"published", true}, {"region", std::string("Noord")}}});
    net.add_organisation({"om", "Openbaar Ministerie", "om",
                          {{"fte", 5000.5}, {"published", false}}});
    net.add_organisation({"rechtspraak", "De Rechtspraak \xE2\x80\x94 r\xC3\xA9sum\xC3\xA9", "rechtspraak", {}});
    net.add_organisation({"cjib", "", "", {{"motto", std::string("\xE2\x82\xAC boetes \xF0\x9F\x92\xB6")}}});
    net.add_organisation({"rvdk", "Raad voor de Kinderbescherming", "rvdk",
                          {{"ratio", 0.1}, {"big", 1e20}, {"neg", -3.0}, {"tiny", 2.5e-300}}});

    Relation r;
    r.source = "politie";
    r.target = "om";
    r.layer = "case";
    r.volume = 168800.0;
    r.latency = 12.5;
    r.quality = 0.85;
    r.capacity = 200000.0;
    r.attributes = {{"reference", std::string("OM 2022")}, {"digital", true}, {"share", 0.3}};
    net.add_relation(r);

    Relation r2;
    r2.source = "om";
    r2.target = "rechtspraak";
    r2.layer = "case";
    r2.volume = 91000.0;
    r2.attributes = {{"digital", false}};
    net.add_relation(r2);

    Relation r3;
    r3.source = "rechtspraak";
    r3.target = "cjib";
    r3.layer = "case";
    r3.quality = 0.0;
    net.add_relation(r3);

    Relation loop;
    loop.source = "om";
    loop.target = "om";
    loop.layer = "case";
    loop.latency = 0.0;
    net.add_relation(loop);

    Relation c1;
    c1.source = "om";
    c1.target = "politie";
    c1.layer = "coloc";
    c1.attributes = {{"reference", std::string("ZSM")}};
    net.add_relation(c1);

    Relation c2;
    c2.source = "om";
    c2.target = "rvdk";
    c2.layer = "coloc";
    c2.capacity = 1.0 / 3.0;
    net.add_relation(c2);

    net.add_chain(Chain{"strafrechtketen",
                        {Stage{"opsporing", {"politie"}},
                         Stage{"vervolging", {"om", "politie"}},
                         Stage{"berechting", {"rechtspraak"}},
                         Stage{"tenuitvoerlegging", {"cjib"}},
                         Stage{"nazorg", {}}}});
    net.add_chain(Chain{"jeugd", {Stage{"advies", {"rvdk"}}}});
    return net;
}

/// A network whose layers are all undirected:  a --- b --- c,  d alone.
inline ketennet::Network undirected_network() {
    ketennet::Network net = graph({"a", "b", "c", "d"}, {{"b", "a", 1.5}, {"b", "c", 2.0}}, false,
                                  "coloc");
    net.add_layer("zsm", false);
    net.add_relation(rel("a", "c", "zsm", 4.0));
    return net;
}

/// @p back read back from a written @p net must equal it: as a whole, and field by field
/// (name, metadata, layers, organisations, relations, chains) so that a failure says where.
inline void check_same_network(const ketennet::Network& back, const ketennet::Network& net) {
    CHECK(back == net);
    CHECK(back.name() == net.name());
    CHECK(back.metadata().dump() == net.metadata().dump());
    CHECK(back.layers() == net.layers());
    CHECK(back.organisations() == net.organisations());
    CHECK(back.relations() == net.relations());
    CHECK(back.chains() == net.chains());
}

}  // namespace kt
