#pragma once
/// @file tie_changes.hpp
/// @brief Tie changes between two periods of a panel: which ties were kept, formed and
/// dissolved, per layer and per organisation, with organisations matched by id.
///
/// A panel holds one network per unit (a region, say) and period (a year). Between two
/// consecutive periods of a unit, a tie of the earlier network is
/// - kept when the later network has it too,
/// - dissolved when the later network lacks it,
/// and a tie of the later network the earlier one lacks is formed. Ties are matched by the
/// ids of their ends, so organisations may enter (every tie to an organisation that entered
/// counts as formed) or leave (every tie of one that left counts as dissolved). A tie is a
/// relation of a layer, whatever its values (the panel's tie indicator x_ij = 1); a directed
/// tie i -> j and j -> i are two ties, an undirected tie i - j is one, counted once.
/// Self-loops are ties (of one organisation).
///
/// From the counts: hamming = formed + dissolved (the Hamming distance between the two
/// adjacency matrices, counting each undirected tie once), jaccard = kept / (kept + formed +
/// dissolved) (NaN when neither period has a tie). Source: Snijders, van de Bunt & Steglich
/// (2010), "Introduction to stochastic actor-based models for network dynamics", Social
/// Networks 32(1), 44-60: the tie change counts between consecutive waves (0 -> 1, 1 -> 0,
/// 1 -> 1) and the Jaccard index N11 / (N01 + N10 + N11), which RSiena reports when it
/// describes panel data (an index above 0.3 is advised for a stochastic actor-based model). Per organisation, the same counts over the ties it is an end of, and
/// turnover = (formed + dissolved) / (kept + formed + dissolved) = 1 - its Jaccard index.
#include <cstddef>
#include <string>
#include <vector>

#include "ketennet/core/config.hpp"
#include "ketennet/model/network.hpp"
#include "ketennet/view/view.hpp"

namespace ketennet::panel {

/// Kept, formed and dissolved ties (see the file comment).
struct TieCounts {
    std::size_t kept = 0;       ///< ties in both periods (RSiena's 1 -> 1)
    std::size_t formed = 0;     ///< ties only in the later period (0 -> 1)
    std::size_t dissolved = 0;  ///< ties only in the earlier period (1 -> 0)
    /// formed + dissolved: the Hamming distance of the two adjacency matrices.
    [[nodiscard]] std::size_t hamming() const noexcept { return formed + dissolved; }
    /// kept / (kept + formed + dissolved); NaN when neither period has a tie.
    [[nodiscard]] double jaccard() const noexcept;
    /// (formed + dissolved) / (kept + formed + dissolved) = 1 - jaccard(); NaN when neither
    /// period has a tie.
    [[nodiscard]] double turnover() const noexcept;
};

/// The tie changes of two views (or of one layer of two networks).
struct TieChanges {
    TieCounts ties;  ///< all ties
    /// The organisations of either period: the earlier view's in its order, then those that
    /// entered in the later view's order.
    std::vector<std::string> organisations;
    /// Per organisation (parallel to organisations): the ties it is an end of.
    std::vector<TieCounts> per_organisation;
};

/// One layer's tie changes, by tie_changes(const Network&, const Network&, ...).
struct LayerTieChanges {
    std::string layer;
    bool directed = true;
    TieChanges changes;
};

/// The tie changes from @p before to @p after, organisations matched by id (the views may
/// hold different organisations, in any order). The ties are the view's edges (a view of
/// several layers merges their relations between the same pair into one tie).
/// InputError when one view is directed and the other not, naming both.
[[nodiscard]] TieChanges tie_changes(const View& before, const View& after);

/// The tie changes of each layer of @p layers (empty: every layer of either network, those of
/// @p before in its order, then those only @p after has) from @p before to @p after. A
/// layer one network lacks has no ties there (all formed, or all dissolved).
/// UnknownId for a named layer neither network has; InputError for a layer that is directed
/// in one network and undirected in the other, naming it.
[[nodiscard]] std::vector<LayerTieChanges> tie_changes(const Network& before, const Network& after,
                                                       const std::vector<std::string>& layers = {});

}  // namespace ketennet::panel

#if defined(KETENNET_HEADER_ONLY)
#include "ketennet/panel/impl/tie_changes.ipp"
#endif
