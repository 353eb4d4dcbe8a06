// Where an incident's events came from: grouped by address, network prefix and AS.
#include "defence/evidence/sources.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <set>

#include "shield/network.hpp"

namespace rempart::defence::evidence {
namespace {

template <class Row>
void add_counts(Row& row, const SourceCount& source) {
    if (row.total == 0 || source.first_ms < row.first_ms) row.first_ms = source.first_ms;
    if (row.total == 0 || source.last_ms > row.last_ms) row.last_ms = source.last_ms;
    row.total += source.events;
    row.by_verdict[source.verdict] += source.events;
}

std::string organisation_of(const std::map<std::int64_t, std::string>& organisations,
                            const std::optional<std::int64_t>& asn) {
    if (!asn) return {};
    const auto found = organisations.find(*asn);
    return found == organisations.end() ? std::string() : found->second;
}

// Most events first; ties in a fixed order so that two exports are byte-identical.
template <class Row, class Key>
void sort_by_weight(std::vector<Row>& rows, Key key) {
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (a.total != b.total) return a.total > b.total;
        return key(a) < key(b);
    });
}

}  // namespace

std::string prefix_of(std::string_view ip, std::string_view stored_network) {
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(ip), ec);
    if (ec) {
        if (stored_network.starts_with("net:")) stored_network.remove_prefix(4);
        return std::string(stored_network.empty() ? ip : stored_network);
    }
    auto narrow = shield::network_keys(address).narrow;
    return narrow.substr(4);  // without "net:"
}

Sources group_sources(const std::vector<SourceCount>& sources,
                      const std::map<std::int64_t, std::string>& organisations) {
    std::map<std::string, AddressRow> addresses;
    std::map<std::string, NetworkRow> networks;
    std::map<std::string, std::set<std::string>> network_ips;
    std::map<std::string, std::set<std::int64_t>> network_asns;
    std::map<std::optional<std::int64_t>, AsRow> ases;
    std::map<std::optional<std::int64_t>, std::set<std::string>> as_ips;
    std::map<std::optional<std::int64_t>, std::set<std::string>> as_prefixes;

    for (const auto& source : sources) {
        const auto prefix = prefix_of(source.ip, source.network);
        auto& address = addresses[source.ip];
        address.ip = source.ip;
        address.prefix = prefix;
        // One address seen under two AS numbers (the table changed mid-attack): the
        // address row keeps the smaller, the AS rows count each under its own.
        if (source.asn && (!address.asn || *source.asn < *address.asn)) address.asn = source.asn;
        add_counts(address, source);

        auto& network = networks[prefix];
        network.prefix = prefix;
        add_counts(network, source);
        network_ips[prefix].insert(source.ip);
        if (source.asn) network_asns[prefix].insert(*source.asn);

        auto& as = ases[source.asn];
        as.asn = source.asn;
        add_counts(as, source);
        as_ips[source.asn].insert(source.ip);
        as_prefixes[source.asn].insert(prefix);
    }

    Sources out;
    for (auto& [ip, row] : addresses) {
        row.organisation = organisation_of(organisations, row.asn);
        out.addresses.push_back(std::move(row));
    }
    for (auto& [prefix, row] : networks) {
        row.distinct_ips = static_cast<std::int64_t>(network_ips[prefix].size());
        for (const auto asn : network_asns[prefix]) {
            row.asns.push_back(asn);
            row.organisations.push_back(organisation_of(organisations, asn));
        }
        out.networks.push_back(std::move(row));
    }
    for (auto& [asn, row] : ases) {
        row.organisation = organisation_of(organisations, asn);
        row.distinct_ips = static_cast<std::int64_t>(as_ips[asn].size());
        row.distinct_prefixes = static_cast<std::int64_t>(as_prefixes[asn].size());
        out.ases.push_back(std::move(row));
    }
    sort_by_weight(out.addresses, [](const AddressRow& r) { return r.ip; });
    sort_by_weight(out.networks, [](const NetworkRow& r) { return r.prefix; });
    // Unknown AS (no number) after every known one of the same weight.
    sort_by_weight(out.ases, [](const AsRow& r) { return r.asn.value_or(INT64_MAX); });
    return out;
}

}  // namespace rempart::defence::evidence
