// The network of the layer-kind tests (model/test_layer_kinds.cpp, flow/test_layer_selection.cpp);
// not a test file itself.
#pragma once

#include "../test_helpers.hpp"

namespace kt {


//   case (directed, kind case):          a --> b --> c      (volume, latency on both)
//   information (directed, information): a --> c           (latency only)
//   coloc (undirected, by rule: tie):    a --- b
inline ketennet::Network layer_kinds_sample() {
    using namespace ketennet;
    Network net("kinds");
    net.add_layer("case", true, LayerKind::cases);
    net.add_layer("information", true, LayerKind::information);
    net.add_layer("coloc", false);
    for (const char* id : {"a", "b", "c"}) net.add_organisation({id, "", "", {}});
    Relation r = kt::rel("a", "b", "case", 10.0);
    r.latency = 3;
    net.add_relation(r);
    r = kt::rel("b", "c", "case", 6.0);
    r.latency = 4;
    net.add_relation(r);
    r = Relation{"a", "c", "information"};
    r.latency = 1;
    net.add_relation(r);
    net.add_relation(Relation{"a", "b", "coloc"});
    return net;
}

}  // namespace kt
