// Where an incident's events came from: grouped by address, network prefix and AS.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defence/model/incident_record.hpp"

namespace rempart::defence::evidence {

using VerdictCounts = std::map<std::string, std::int64_t>;  // sorted by verdict

struct AddressRow {
    std::string ip;
    std::string prefix;
    std::optional<std::int64_t> asn;
    std::string organisation;
    std::int64_t total = 0;
    VerdictCounts by_verdict;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

struct NetworkRow {
    std::string prefix;              // "203.0.113.0/24", "2001:db8:1:2::/64"
    std::vector<std::int64_t> asns;  // usually one
    std::vector<std::string> organisations;
    std::int64_t distinct_ips = 0;
    std::int64_t total = 0;
    VerdictCounts by_verdict;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

struct AsRow {
    std::optional<std::int64_t> asn;  // none: addresses the AS table did not know
    std::string organisation;
    std::int64_t distinct_prefixes = 0;
    std::int64_t distinct_ips = 0;
    std::int64_t total = 0;
    VerdictCounts by_verdict;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

struct Sources {
    std::vector<AddressRow> addresses;  // most events first, then by address
    std::vector<NetworkRow> networks;   // most events first, then by prefix
    std::vector<AsRow> ases;            // most events first, then by number
};

// The IPv4 /24 or IPv6 /64 holding `ip` (IPv4-mapped addresses as IPv4), computed again
// from the address rather than trusted from the event; `stored_network` (without its
// "net:") when the address does not parse.
std::string prefix_of(std::string_view ip, std::string_view stored_network);

// `organisations` by AS number; an AS missing from it has an empty organisation.
Sources group_sources(const std::vector<SourceCount>& sources,
                      const std::map<std::int64_t, std::string>& organisations);

}  // namespace rempart::defence::evidence
