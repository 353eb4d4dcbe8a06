// The IP-to-AS table: which autonomous system (an ISP, a host, a company) holds an address.
#include "shield/asn_table.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace rempart::shield {
namespace {

// The next CSV field of `line` from `pos`; quoted fields may hold commas and "" escapes.
bool next_field(std::string_view line, std::size_t& pos, std::string& out, bool& quoted) {
    out.clear();
    if (pos > line.size()) return false;  // the previous field was the last
    quoted = pos < line.size() && line[pos] == '"';
    if (!quoted) {
        const auto comma = std::min(line.find(',', pos), line.size());
        out.assign(line.substr(pos, comma - pos));
        pos = comma + 1;
        return true;
    }
    ++pos;
    while (pos < line.size()) {
        const char c = line[pos++];
        if (c != '"') {
            out += c;
            continue;
        }
        if (pos < line.size() && line[pos] == '"') {
            out += '"';
            ++pos;
            continue;
        }
        if (pos < line.size() && line[pos] != ',') return false;
        ++pos;
        return true;
    }
    return false;  // no closing quote
}

template <class T>
bool parse_number(std::string_view text, T& out) {
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), out);
    return err == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<void> AsnTable::add(std::string_view csv_text, std::string_view source_name) {
    // Organisations are few next to ranges (tens of thousands against half a million):
    // each is stored once, and ranges keep its index.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> known;
    for (std::uint32_t i = 0; i < organisations_.size(); ++i) known.emplace(organisations_[i], i);
    std::string start_text, end_text, number_text, organisation;
    std::size_t line_number = 0;
    while (!csv_text.empty()) {
        ++line_number;
        const auto newline = std::min(csv_text.find('\n'), csv_text.size());
        auto line = csv_text.substr(0, newline);
        csv_text.remove_prefix(std::min(newline + 1, csv_text.size()));
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const auto bad = [&](std::string_view why) {
            return make_error("asn.bad_row", std::string(source_name) + ":" +
                                                 std::to_string(line_number) + ": " +
                                                 std::string(why));
        };
        std::size_t pos = 0;
        bool quoted = false;
        if (!next_field(line, pos, start_text, quoted) || !next_field(line, pos, end_text, quoted) ||
            !next_field(line, pos, number_text, quoted))
            return bad("expected start,end,asn,organisation");
        organisation.clear();
        if (pos <= line.size() && !next_field(line, pos, organisation, quoted))
            return bad("the organisation's quotes do not close");
        std::uint32_t number = 0;
        if (!parse_number(number_text, number)) return bad("the AS number is not a number");

        std::uint32_t organisation_index = 0;
        if (auto it = known.find(organisation); it != known.end()) {
            organisation_index = it->second;
        } else {
            organisation_index = static_cast<std::uint32_t>(organisations_.size());
            organisations_.push_back(organisation);
            known.emplace(organisation, organisation_index);
        }

        std::uint32_t start4 = 0, end4 = 0;
        if (parse_number(start_text, start4) && parse_number(end_text, end4)) {
            if (end4 < start4) return bad("the range ends before it starts");
            v4_.push_back({start4, end4, number, organisation_index});
            continue;
        }
        boost::system::error_code ec_start, ec_end;
        const auto start = boost::asio::ip::make_address(start_text, ec_start);
        const auto end = boost::asio::ip::make_address(end_text, ec_end);
        if (ec_start || ec_end || start.is_v4() != end.is_v4())
            return bad("expected two addresses of the same family");
        if (start.is_v4()) {
            start4 = start.to_v4().to_uint();
            end4 = end.to_v4().to_uint();
            if (end4 < start4) return bad("the range ends before it starts");
            v4_.push_back({start4, end4, number, organisation_index});
        } else {
            const auto s = start.to_v6().to_bytes();
            const auto e = end.to_v6().to_bytes();
            if (e < s) return bad("the range ends before it starts");
            v6_.push_back({s, e, number, organisation_index});
        }
    }
    sorted_ = false;
    sort_if_needed();
    return {};
}

void AsnTable::sort_if_needed() const {
    if (sorted_) return;
    const auto by_start = [](const auto& a, const auto& b) { return a.start < b.start; };
    if (!std::is_sorted(v4_.begin(), v4_.end(), by_start))
        std::sort(v4_.begin(), v4_.end(), by_start);
    if (!std::is_sorted(v6_.begin(), v6_.end(), by_start))
        std::sort(v6_.begin(), v6_.end(), by_start);
    sorted_ = true;
}

std::optional<AsInfo> AsnTable::lookup(const boost::asio::ip::address& address) const {
    const auto find = [this](const auto& ranges, const auto& key) -> std::optional<AsInfo> {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), key,
                                   [](const auto& k, const auto& range) { return k < range.start; });
        if (it == ranges.begin()) return std::nullopt;
        --it;
        if (key > it->end) return std::nullopt;
        return AsInfo{it->number, organisations_[it->organisation]};
    };
    if (address.is_v4()) return find(v4_, address.to_v4().to_uint());
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped())
        return find(v4_, boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_uint());
    return find(v6_, v6.to_bytes());
}

}  // namespace rempart::shield
