// Signals in a batch of scorecards (report::signals): robust z-score outliers among peers and
// sharp changes between consecutive periods.
#include "ketennet/report/signals.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "ketennet/core/errors.hpp"
#include "ketennet/support/number_text.hpp"
#include "ketennet/support/quote.hpp"

namespace ketennet::report {

namespace {

/// A row's comparison key without network and period: goal, indicator, scope, subject
/// ("" for network-scope rows), layers.
using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

Key key_of(const SignalRow& r) {
    return {r.goal, r.indicator, r.scope, r.scope == "network" ? std::string() : r.subject, r.layers};
}

/// The median of @p v (sorted in place): the middle value, or the mean of the middle two.
double median(std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2] + v[n / 2 - 1]) / 2;
}

/// The modified z-scores of @p x among themselves (see signals()); NaN where nothing stands
/// out. Also returns the median.
std::vector<double> robust_z(const std::vector<double>& x, double& med) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> tmp = x;
    med = median(tmp);
    std::vector<double> dev(x.size()), absdev(x.size());
    double spread = nan, sum = 0.0, compensation = 0.0;
    std::size_t finite = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        dev[i] = x[i] - med;
        absdev[i] = std::abs(dev[i]);
        if (!std::isnan(absdev[i])) spread = std::isnan(spread) ? absdev[i] : std::max(spread, absdev[i]);
        if (std::isfinite(absdev[i])) {  // compensated (Kahan) sum of the finite deviations
            const double y = absdev[i] - compensation;
            const double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
            ++finite;
        }
    }
    const double meanad = finite ? sum / double(finite) : 0.0;
    tmp = absdev;
    tmp.erase(std::remove_if(tmp.begin(), tmp.end(), [](double d) { return std::isnan(d); }), tmp.end());
    const double mad = tmp.empty() ? nan : median(tmp);
    std::vector<double> z(x.size(), nan);
    if (!std::isfinite(med) || !std::isfinite(mad) || spread == 0.0) return z;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (mad > 0)
            z[i] = modified_z_scale * dev[i] / mad;
        else if (meanad > 0)
            z[i] = dev[i] / (meanad_scale * meanad);
        else
            z[i] = dev[i] == 0 ? 0.0 : std::copysign(inf, dev[i]);
    }
    return z;
}

void check_positive(const char* name, double value) {
    if (!(std::isfinite(value) && value > 0))
        throw InputError(std::string("signals: ") + name + " must be a positive finite number, not " +
                         number_repr(value));
}

}  // namespace

std::vector<Signal> signals(const std::vector<SignalRow>& rows, const SignalOptions& options) {
    check_positive("threshold", options.threshold);
    check_positive("change", options.change);
    if (options.min_peers < 2)
        throw InputError("signals: min_peers must be at least 2, not " + std::to_string(options.min_peers));
    const bool by_period = options.by_period;
    std::vector<std::size_t> valid;  // rows with a value, in order
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SignalRow& r = rows[i];
        if (r.network.empty()) throw InputError("signals: row " + std::to_string(i) + " has no network");
        if (std::isnan(r.value)) continue;
        if (r.scope != "network" && r.subject.empty())
            throw InputError("signals: row " + std::to_string(i) + " (" + quoted_name(r.indicator) +
                             ", scope " + quoted_name(r.scope) + ") has no subject");
        valid.push_back(i);
    }
    // one value per network, key and period
    using Own = std::tuple<std::string, std::int64_t, Key>;
    std::map<Own, std::vector<std::size_t>> own;
    for (std::size_t i : valid) own[{rows[i].network, by_period ? rows[i].period : 0, key_of(rows[i])}].push_back(i);
    for (std::size_t i : valid) {
        const auto& same = own[{rows[i].network, by_period ? rows[i].period : 0, key_of(rows[i])}];
        if (same.size() < 2) continue;
        const SignalRow& r = rows[i];
        std::string where = "network " + quoted_name(r.network);
        if (by_period) where += ", " + options.period_name + " " + std::to_string(r.period);
        std::string list;
        for (std::size_t j : same) list += (list.empty() ? "" : ", ") + std::to_string(j);
        throw InputError("signals: " + where + " has " + std::to_string(same.size()) + " rows for indicator " +
                         quoted_name(r.indicator) + " (scope " + quoted_name(r.scope) + ", subject " +
                         quoted_name(r.subject) + ") at rows [" + list + "]; one value per network and key");
    }

    std::vector<Signal> outliers, changes;
    // outliers: the peers of each key and period
    std::map<std::pair<std::int64_t, Key>, std::vector<std::size_t>> peers;
    for (std::size_t i : valid) peers[{by_period ? rows[i].period : 0, key_of(rows[i])}].push_back(i);
    std::vector<double> z(rows.size()), reference(rows.size());
    std::vector<std::size_t> count(rows.size(), 0);
    for (const auto& [k, members] : peers) {
        std::vector<double> x;
        for (std::size_t i : members) x.push_back(rows[i].value);
        double med = 0.0;
        const std::vector<double> zs = robust_z(x, med);
        for (std::size_t j = 0; j < members.size(); ++j) {
            z[members[j]] = zs[j];
            reference[members[j]] = med;
            count[members[j]] = members.size();
        }
    }
    for (std::size_t i : valid)
        if (count[i] >= std::size_t(options.min_peers) && std::abs(z[i]) > options.threshold)
            outliers.push_back({i, "outlier", z[i], reference[i], count[i]});
    // changes: the same network and key in the previous period
    if (by_period && !valid.empty()) {
        std::vector<std::int64_t> order;
        for (const SignalRow& r : rows) order.push_back(r.period);
        std::sort(order.begin(), order.end());
        order.erase(std::unique(order.begin(), order.end()), order.end());
        const auto rank = [&](std::int64_t p) {
            return std::size_t(std::lower_bound(order.begin(), order.end(), p) - order.begin());
        };
        std::map<std::tuple<std::string, std::size_t, Key>, std::size_t> at;
        for (std::size_t i : valid) at[{rows[i].network, rank(rows[i].period), key_of(rows[i])}] = i;
        const double inf = std::numeric_limits<double>::infinity();
        for (std::size_t i : valid) {
            const std::size_t pos = rank(rows[i].period);
            if (pos == 0) continue;
            const auto it = at.find({rows[i].network, pos - 1, key_of(rows[i])});
            if (it == at.end()) continue;
            const double old = rows[it->second].value, now = rows[i].value;
            const double rel = old != 0 ? std::abs(now - old) / std::abs(old) : now != 0 ? inf : 0.0;
            if (rel > options.change) changes.push_back({i, "change", rel, old, 0});
        }
    }
    std::vector<Signal> out = std::move(outliers);
    out.insert(out.end(), std::make_move_iterator(changes.begin()), std::make_move_iterator(changes.end()));
    std::stable_sort(out.begin(), out.end(),
                     [](const Signal& a, const Signal& b) { return std::abs(a.score) > std::abs(b.score); });
    return out;
}

}  // namespace ketennet::report
