#pragma once
/// @file component_betweenness.hpp
/// @brief Betweenness of one connected component of the survivors, recomputed after every
/// removal of a targeted attack (simulate.hpp), split into biconnected blocks in undirected
/// views.
///
/// A targeted attack that recomputes betweenness after every removal (Holme, Kim, Yoon &
/// Han 2002) spends its time in Brandes' algorithm. Two facts cut that work:
///
/// 1. Betweenness is a sum over pairs, and pairs in different components share no path, so
///    only the component that lost an organisation changes.
/// 2. In an undirected component, every path between two vertices crosses the blocks
///    (biconnected components) of the block-cut tree between them, entering and leaving a
///    block through its articulation points, and a shortest path between two vertices of a
///    block stays inside the block. So (ordered pairs, N vertices in the component)
///
///      c_B(w) = sum over blocks B containing w of
///                 sum over a != b in B, a, b != w of r_B(a) r_B(b) sigma_B(a, b | w) / sigma_B(a, b)
///             + (N - 1)^2 - sum over the sides S of w of |S|^2,
///
///    where r_B(u) counts the vertices whose paths into B enter at u (u itself and everything
///    hanging off u outside B), sigma_B counts shortest paths inside B, and the sides of w
///    are the components of the component without w (one side, of N - 1 vertices, unless w
///    is an articulation point; the last term counts the pairs on different sides, which all
///    pass through w). The first term is Brandes' algorithm on each block with source and
///    target weights r_B; blocks of two vertices (bridges) contribute nothing. This is the
///    decomposition of Puzis, Zilberman, Elovici, Dolev & Brandes (2012, "Heuristics for
///    speeding up betweenness centrality computation", SocialCom) and Sariyuce, Saule,
///    Kaya & Catalyurek (2013, "Shattering and compressing networks for betweenness
///    centrality", SDM). An attack fragments the network into trees and small blocks, so
///    the blocks stay much smaller than the component.
///
/// Directed views run Brandes on the whole component (reachability, not connectivity,
/// decides there which pairs a cut vertex separates).
///
/// The implementation is detail::ComponentBetweenness (resilience/detail/component_betweenness.hpp),
/// which simulate() runs; this header declares nothing to call.
