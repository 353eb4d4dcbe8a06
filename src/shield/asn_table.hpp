// The IP-to-AS table: which autonomous system (an ISP, a host, a company) holds an address.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart::shield {

struct AsInfo {
    std::uint32_t number = 0;
    std::string_view organisation;  // valid until the table is changed or destroyed
};

class AsnTable {
  public:
    // A table holding the rows of one CSV text; see add().
    static Result<AsnTable> parse(std::string_view csv_text, std::string_view source_name);

    // Adds the rows of an @ip-location-db/asn CSV text, one `start,end,asn,organisation`
    // a line. Each row's addresses are IPv4 as numbers (asn-ipv4-num.csv), or IPv4 or IPv6
    // as text (asn-ipv4.csv, asn-ipv6.csv): a number is always IPv4. The AS number may
    // carry an "AS" prefix; the organisation may be empty, quoted with "" escapes, or
    // unquoted to the end of the line, commas included. Blank lines and lines starting
    // with # are skipped. A bad row adds nothing and is a ShieldError::asn_bad_row error naming
    // `source_name` and its line.
    //
    // Where ranges overlap, an address belongs to the range that starts last before it
    // (the narrower one when two start together, the one read last when two are the
    // same): a site's own table may carve a /24 out of a provider's /16.
    Result<void> add(std::string_view csv_text, std::string_view source_name);

    // The table as one block of bytes, and back (shield/asn_image.cpp): the build turns the
    // npm CSV files into it once (tools/data-image), and the server copies it at start
    // instead of parsing 30 MB of text. The bytes are this machine's own layout, checked
    // by a header; an image that does not match is a ShieldError::asn_bad_image error.
    std::string image() const;
    static Result<AsnTable> from_image(std::string_view bytes, std::string_view source_name);

    // IPv4-mapped IPv6 addresses look up as the IPv4 address they carry.
    std::optional<AsInfo> lookup(const boost::asio::ip::address& address) const;

    // Non-overlapping ranges held, after overlaps were split.
    std::size_t ranges() const { return v4_.size() + v6_.size(); }

  private:
    struct V6 {
        std::uint64_t high = 0;
        std::uint64_t low = 0;
        auto operator<=>(const V6&) const = default;
    };
    template <class Address>
    struct Range {
        Address start;
        Address end;
        std::uint32_t number;
        std::uint32_t organisation;  // index into organisations_
    };

    std::vector<Range<std::uint32_t>> v4_;  // sorted by start, not overlapping
    std::vector<Range<V6>> v6_;
    // Tens of thousands of organisations for half a million ranges: each name is stored
    // once in one string, and found by (offset, size).
    std::string organisation_text_;
    struct Name {
        std::uint32_t offset;
        std::uint32_t size;
    };
    std::vector<Name> organisations_;
};

}  // namespace rempart::shield
