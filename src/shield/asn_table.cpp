// The IP-to-AS table: which autonomous system (an ISP, a host, a company) holds an address.
#include "shield/asn_table.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <deque>
#include <functional>
#include <type_traits>
#include <unordered_map>

#include "shield/errors.hpp"

namespace rempart::shield {
namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// One CSV field of `line` from `pos`, which then points past its comma (or to npos after
// the last field). The view points into the line, or into `scratch` when the field had ""
// escapes. With `to_line_end`, an unquoted field runs to the end of the line, commas
// included. Empty when a quote does not close or text follows it.
std::optional<std::string_view> next_field(std::string_view line, std::size_t& pos,
                                           std::string& scratch, bool to_line_end) {
    const auto start = line.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos || line[start] != '"') {
        const auto comma = to_line_end ? std::string_view::npos : line.find(',', pos);
        const auto field =
            line.substr(pos, comma == std::string_view::npos ? line.size() - pos : comma - pos);
        pos = comma == std::string_view::npos ? std::string_view::npos : comma + 1;
        return trimmed(field);
    }
    std::size_t at = start + 1;
    std::string_view field;
    bool escaped = false;
    for (;;) {
        const auto quote = line.find('"', at);
        if (quote == std::string_view::npos) return std::nullopt;
        if (quote + 1 < line.size() && line[quote + 1] == '"') {
            if (!escaped)
                scratch.assign(line.substr(start + 1, quote + 1 - (start + 1)));
            else
                scratch.append(line.substr(at, quote + 1 - at));
            escaped = true;
            at = quote + 2;
            continue;
        }
        if (escaped) {
            scratch.append(line.substr(at, quote - at));
            field = scratch;
        } else {
            field = line.substr(start + 1, quote - (start + 1));
        }
        at = quote + 1;
        break;
    }
    const auto after = line.find_first_not_of(" \t", at);
    if (after == std::string_view::npos) {
        pos = std::string_view::npos;
    } else if (line[after] == ',' && !to_line_end) {
        pos = after + 1;
    } else {
        return std::nullopt;
    }
    return field;
}

template <class Number>
bool parse_number(std::string_view text, Number& out) {
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), out);
    return err == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// inet_pton wants a terminated string; the longest IPv6 text is 45 characters.
bool parse_address(std::string_view text, int family, void* out) {
    std::array<char, 64> buffer{};
    if (text.empty() || text.size() >= buffer.size()) return false;
    std::memcpy(buffer.data(), text.data(), text.size());
    return ::inet_pton(family, buffer.data(), out) == 1;
}

template <class V6>
V6 v6_from_bytes(const unsigned char* bytes) {
    V6 v;
    for (int i = 0; i < 8; ++i) v.high = (v.high << 8) | bytes[i];
    for (int i = 8; i < 16; ++i) v.low = (v.low << 8) | bytes[i];
    return v;
}

template <class Address>
Address next_address(Address a) {
    if constexpr (std::is_integral_v<Address>) {
        return a + 1;
    } else {
        if (++a.low == 0) ++a.high;
        return a;
    }
}

template <class Address>
bool is_last_address(Address a) {
    if constexpr (std::is_integral_v<Address>)
        return a == static_cast<Address>(-1);
    else
        return a.high == ~std::uint64_t{0} && a.low == ~std::uint64_t{0};
}

template <class Address>
Address previous_address(Address a) {
    if constexpr (std::is_integral_v<Address>) {
        return a - 1;
    } else {
        if (a.low-- == 0) --a.high;
        return a;
    }
}

// Sorts `ranges` and splits overlapping ones so that each address is in at most one range,
// the one starting last before it (see add()). Binary search then needs no other rule.
template <class Range>
void split_overlaps(std::vector<Range>& ranges) {
    const auto order = [](const Range& a, const Range& b) {
        return a.start != b.start ? a.start < b.start : b.end < a.end;  // outer first
    };
    if (!std::is_sorted(ranges.begin(), ranges.end(), order))
        std::stable_sort(ranges.begin(), ranges.end(), order);
    const auto overlap =
        std::adjacent_find(ranges.begin(), ranges.end(),
                           [](const auto& a, const auto& b) { return b.start <= a.end; });
    if (overlap == ranges.end()) return;  // the npm tables: one overlap in 400 000 rows

    std::vector<Range> split;
    split.reserve(ranges.size() + 16);
    std::vector<const Range*> open;   // each starting no earlier than the one below it
    decltype(Range::start) cursor{};  // the first address not yet given to a range
    const auto give = [&](const Range& range, auto from, auto to) {
        split.push_back(Range{from, to, range.number, range.organisation});
    };
    for (const auto& range : ranges) {
        while (!open.empty()) {
            const auto& top = *open.back();
            if (top.end >= range.start) {
                if (cursor < range.start) give(top, cursor, previous_address(range.start));
                break;
            }
            if (cursor <= top.end) {
                give(top, cursor, top.end);
                cursor = next_address(top.end);  // top.end < range.start: no overflow
            }
            open.pop_back();
        }
        open.push_back(&range);
        cursor = range.start;
    }
    bool exhausted = false;  // the last address was given: cursor cannot move past it
    for (; !open.empty(); open.pop_back()) {
        const auto& top = *open.back();
        if (exhausted || top.end < cursor) continue;
        give(top, cursor, top.end);
        exhausted = is_last_address(top.end);
        if (!exhausted) cursor = next_address(top.end);
    }
    ranges = std::move(split);
}

}  // namespace

Result<AsnTable> AsnTable::parse(std::string_view csv_text, std::string_view source_name) {
    AsnTable table;
    if (auto added = table.add(csv_text, source_name); !added) return added.error();
    return table;
}

Result<void> AsnTable::add(std::string_view csv_text, std::string_view source_name) {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    // Keys view the existing organisation text (left untouched until the end), the CSV
    // text, or `unescaped` for the rare names with "" escapes.
    std::unordered_map<std::string_view, std::uint32_t, Hash, std::equal_to<>> known;
    known.reserve(organisations_.size() + 1024);
    for (std::uint32_t i = 0; i < organisations_.size(); ++i)
        known.emplace(std::string_view(organisation_text_)
                          .substr(organisations_[i].offset, organisations_[i].size),
                      i);
    std::deque<std::string> unescaped;
    std::vector<std::string_view> new_organisations;
    std::vector<Range<std::uint32_t>> v4;
    std::vector<Range<V6>> v6;
    v4.reserve(csv_text.size() / 48);  // asn-ipv4-num.csv averages 52 bytes a row

    std::array<std::string, 4> scratch;  // one a field: each view must outlive the next
    std::size_t line_number = 0;
    if (csv_text.starts_with("\xEF\xBB\xBF")) csv_text.remove_prefix(3);  // spreadsheets' BOM
    while (!csv_text.empty()) {
        ++line_number;
        const auto newline = csv_text.find('\n');
        auto line = csv_text.substr(0, newline);
        csv_text.remove_prefix(newline == std::string_view::npos ? csv_text.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trimmed(line).empty() || trimmed(line).front() == '#') continue;
        const auto bad = [&](std::string_view why) {
            return make_error(ShieldError::asn_bad_row, std::string(source_name) + ":" +
                                                            std::to_string(line_number) + ": " +
                                                            std::string(why));
        };

        std::size_t pos = 0;
        const auto start_text = next_field(line, pos, scratch[0], false);
        if (!start_text || pos == std::string_view::npos)
            return bad("expected start,end,asn,organisation");
        const auto end_text = next_field(line, pos, scratch[1], false);
        if (!end_text || pos == std::string_view::npos)
            return bad("expected start,end,asn,organisation");
        auto number_text = next_field(line, pos, scratch[2], false);
        if (!number_text) return bad("expected start,end,asn,organisation");
        std::string_view organisation;
        if (pos != std::string_view::npos) {
            const auto field = next_field(line, pos, scratch[3], true);
            if (!field) return bad("the organisation's quotes do not close, or text follows them");
            organisation = *field;
        }

        std::uint32_t number = 0;
        if (number_text->starts_with("AS") || number_text->starts_with("as"))
            number_text->remove_prefix(2);
        if (!parse_number(*number_text, number)) return bad("the AS number is not a number");

        std::uint32_t index = 0;
        if (const auto found = known.find(organisation); found != known.end()) {
            index = found->second;
        } else {
            index = static_cast<std::uint32_t>(organisations_.size() + new_organisations.size());
            if (!organisation.empty() && organisation.data() == scratch[3].data())
                organisation = unescaped.emplace_back(scratch[3]);  // reused next row
            new_organisations.push_back(organisation);
            known.emplace(organisation, index);
        }

        std::uint32_t start4 = 0;
        std::uint32_t end4 = 0;
        if (all_digits(*start_text) || all_digits(*end_text)) {
            // asn-ipv6-num.csv's numbers cannot be told from IPv4 ones when small.
            if (!parse_number(*start_text, start4) || !parse_number(*end_text, end4))
                return bad("expected two IPv4 numbers below 4294967296 (write IPv6 as text)");
        } else if (parse_address(*start_text, AF_INET, &start4)) {
            if (!parse_address(*end_text, AF_INET, &end4))
                return bad("expected two addresses of the same family");
            start4 = ntohl(start4);
            end4 = ntohl(end4);
        } else {
            unsigned char start6[16];
            unsigned char end6[16];
            if (!parse_address(*start_text, AF_INET6, start6) ||
                !parse_address(*end_text, AF_INET6, end6))
                return bad("expected two addresses of the same family");
            const auto start = v6_from_bytes<V6>(start6);
            const auto end = v6_from_bytes<V6>(end6);
            if (end < start) return bad("the range ends before it starts");
            v6.push_back({start, end, number, index});
            continue;
        }
        if (end4 < start4) return bad("the range ends before it starts");
        v4.push_back({start4, end4, number, index});
    }

    // Every row was good: only now does the table change.
    for (const auto name : new_organisations) {
        organisations_.push_back(Name{static_cast<std::uint32_t>(organisation_text_.size()),
                                      static_cast<std::uint32_t>(name.size())});
        organisation_text_ += name;
    }
    v4_.insert(v4_.end(), v4.begin(), v4.end());
    v6_.insert(v6_.end(), v6.begin(), v6.end());
    split_overlaps(v4_);
    split_overlaps(v6_);
    return {};
}

std::optional<AsInfo> AsnTable::lookup(const boost::asio::ip::address& address) const {
    const auto find = [this](const auto& ranges, const auto& key) -> std::optional<AsInfo> {
        auto it =
            std::upper_bound(ranges.begin(), ranges.end(), key,
                             [](const auto& k, const auto& range) { return k < range.start; });
        if (it == ranges.begin()) return std::nullopt;
        --it;
        if (key > it->end) return std::nullopt;
        const auto [offset, size] = organisations_[it->organisation];
        return AsInfo{it->number, std::string_view(organisation_text_).substr(offset, size)};
    };
    if (address.is_v4()) return find(v4_, address.to_v4().to_uint());
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped())
        return find(v4_,
                    boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_uint());
    const auto bytes = v6.to_bytes();
    return find(v6_, v6_from_bytes<V6>(bytes.data()));
}

}  // namespace rempart::shield
