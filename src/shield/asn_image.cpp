// The IP-to-AS table's compact form: its arrays as they lie in memory, behind a header.
#include <cstring>
#include <type_traits>

#include "shield/asn_table.hpp"
#include "shield/errors.hpp"

namespace rempart::shield {
namespace {

// Another byte order, another range layout or another version of this file reads as a
// bad image rather than as wrong networks.
constexpr char image_magic[8] = {'R', 'P', 'A', 'S', 'N', 'I', 'M', '1'};
constexpr std::uint32_t image_byte_order = 0x01020304;

struct Header {
    char magic[8];
    std::uint32_t byte_order;
    std::uint32_t layout;  // the two range sizes, so a changed struct cannot be misread
    std::uint64_t v4;
    std::uint64_t v6;
    std::uint64_t organisations;
    std::uint64_t text;
};
static_assert(std::is_trivially_copyable_v<Header>);

// Half a million ranges today; a count past this is a damaged header, and keeping every
// count below it keeps the size computed from them from overflowing.
constexpr std::uint64_t max_count = std::uint64_t{1} << 32;

template <class T>
void append(std::string& out, const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return;
    out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

template <class T>
void take(std::string_view& bytes, std::vector<T>& items, std::uint64_t count) {
    items.resize(count);
    if (count == 0) return;  // an empty vector's data() may be null, which memcpy may not take
    std::memcpy(items.data(), bytes.data(), count * sizeof(T));
    bytes.remove_prefix(count * sizeof(T));
}

// Sorted by start, each range inside itself and ending before the next starts, naming an
// organisation the table has: what lookup() relies on.
template <class Ranges>
bool well_formed(const Ranges& ranges, std::size_t organisations) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (ranges[i].end < ranges[i].start || ranges[i].organisation >= organisations)
            return false;
        if (i > 0 && !(ranges[i - 1].end < ranges[i].start)) return false;
    }
    return true;
}

}  // namespace

std::string AsnTable::image() const {
    static_assert(std::is_trivially_copyable_v<Range<std::uint32_t>>);
    static_assert(std::is_trivially_copyable_v<Range<V6>>);
    Header header{};
    std::memcpy(header.magic, image_magic, sizeof image_magic);
    header.byte_order = image_byte_order;
    header.layout = (sizeof(Range<std::uint32_t>) << 16) | sizeof(Range<V6>);
    header.v4 = v4_.size();
    header.v6 = v6_.size();
    header.organisations = organisations_.size();
    header.text = organisation_text_.size();
    std::string out(reinterpret_cast<const char*>(&header), sizeof header);
    append(out, v4_);
    append(out, v6_);
    append(out, organisations_);
    out += organisation_text_;
    return out;
}

Result<AsnTable> AsnTable::from_image(std::string_view bytes, std::string_view source_name) {
    const auto bad = [&](std::string_view why) {
        return make_error(ShieldError::asn_bad_image,
                          std::string(source_name) + ": " + std::string(why));
    };
    Header header{};
    if (bytes.size() < sizeof header) return bad("too short for its header");
    std::memcpy(&header, bytes.data(), sizeof header);
    bytes.remove_prefix(sizeof header);
    if (std::memcmp(header.magic, image_magic, sizeof image_magic) != 0 ||
        header.byte_order != image_byte_order ||
        header.layout != ((sizeof(Range<std::uint32_t>) << 16) | sizeof(Range<V6>)))
        return bad("made by another version or for another machine: build it again");
    if (header.v4 >= max_count || header.v6 >= max_count || header.organisations >= max_count ||
        header.text >= max_count)
        return bad("its header is damaged");
    const std::uint64_t expected =
        header.v4 * sizeof(Range<std::uint32_t>) + header.v6 * sizeof(Range<V6>) +
        header.organisations * sizeof(decltype(organisations_)::value_type) + header.text;
    if (bytes.size() != expected) return bad("its size does not match its header");

    AsnTable table;
    take(bytes, table.v4_, header.v4);
    take(bytes, table.v6_, header.v6);
    take(bytes, table.organisations_, header.organisations);
    table.organisation_text_ = bytes;
    for (const auto& [offset, size] : table.organisations_)
        if (std::uint64_t{offset} + size > table.organisation_text_.size())
            return bad("an organisation's name lies outside the names");
    if (!well_formed(table.v4_, table.organisations_.size()) ||
        !well_formed(table.v6_, table.organisations_.size()))
        return bad("its ranges are out of order or name no organisation");
    return table;
}

}  // namespace rempart::shield
