// The IP-to-AS table: which autonomous system (an ISP, a host, a company) holds an address.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart::shield {

struct AsInfo {
    std::uint32_t number = 0;
    std::string_view organisation;  // lives as long as the table
};

class AsnTable {
  public:
    // Adds the rows of an @ip-location-db/asn CSV file: `start,end,asn,organisation`, the
    // addresses as text (IPv4 or IPv6) or IPv4 as numbers, the organisation maybe quoted.
    // A bad row stops everything: "asn.bad_row" with `source_name` and the line number.
    Result<void> add(std::string_view csv_text, std::string_view source_name);

    // The range holding `address` (IPv4-mapped IPv6 looks up as IPv4). Overlapping ranges:
    // the one starting last before the address, if it reaches it.
    std::optional<AsInfo> lookup(const boost::asio::ip::address& address) const;
    std::size_t ranges() const { return v4_.size() + v6_.size(); }

  private:
    template <class Address>
    struct Range {
        Address start;
        Address end;
        std::uint32_t number;
        std::uint32_t organisation;  // index into organisations_
    };
    using V6 = std::array<unsigned char, 16>;
    void sort_if_needed() const;

    mutable std::vector<Range<std::uint32_t>> v4_;
    mutable std::vector<Range<V6>> v6_;
    mutable bool sorted_ = true;
    std::vector<std::string> organisations_;
};

}  // namespace rempart::shield
