// A complete C++ program using ketennet: build a small chain, score it, save it.
#include <iostream>

#include <ketennet/ketennet.hpp>

int main() {
    using namespace ketennet;

    Network net("mini-strafrechtketen");
    net.add_layer("case", /*directed=*/true, LayerKind::cases);
    net.add_layer("collaboration", /*directed=*/false, LayerKind::tie);
    for (auto [id, name, sector] : {std::tuple{"politie", "Nationale Politie", "politie"},
                                    std::tuple{"om", "Openbaar Ministerie", "om"},
                                    std::tuple{"rechtspraak", "De Rechtspraak", "rechtspraak"},
                                    std::tuple{"cjib", "CJIB", "cjib"}})
        net.add_organisation({id, name, sector, {}});

    Relation r{"politie", "om", "case"};
    r.volume = 168800;  // cases per year (OM 2022)
    r.latency = 30;     // days
    net.add_relation(r);
    r = Relation{"om", "rechtspraak", "case"};
    r.volume = 94000;  // summonses (C&R 2018)
    net.add_relation(r);
    r = Relation{"om", "cjib", "case"};
    r.volume = 32000;  // penalty orders (C&R 2018)
    net.add_relation(r);
    net.add_relation(Relation{"politie", "om", "collaboration"});  // ZSM

    ViewPtr view = net.view({{"case"}, /*weight=*/"", Combine::sum});
    std::vector<double> bc = centrality::betweenness(*view);
    std::cout << "density " << cohesion::density(*view) << "\n";
    for (vertex_t v = 0; v < view->n(); ++v)
        std::cout << view->id(v) << " betweenness " << bc[v] << "\n";
    for (vertex_t v : resilience::articulation_points(*view))
        std::cout << "single point of failure: " << view->id(v) << "\n";

    io::write_json(net, "mini.json");
    std::cout << "round trip " << (io::read_json("mini.json") == net ? "ok" : "FAILED") << "\n";
    return 0;
}
