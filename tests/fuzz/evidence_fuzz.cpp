// Fuzzes the evidence writers with hostile strings: names, comments, user agents and
// reasons as an attacker typed or sent them. The JSON must parse back and the CSV must split
// back into the same cells (RFC 4180), each formula defused.
//
// The input is fields apart by NUL bytes. Each group of fields adds one thing to an
// incident, the first byte of its first field saying what (see `add`); numbers are read
// from fields too, bounded to what a store could hold.
#include <boost/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "defence/evidence/csv.hpp"
#include "defence/evidence/export.hpp"
#include "fuzz_check.hpp"

using namespace rempart;
using namespace rempart::defence;
using namespace rempart::defence::evidence;

namespace {

class Fields {
  public:
    explicit Fields(std::string_view input) : rest_(input) {}
    bool done() const { return finished_; }
    std::string text() {
        if (finished_) return {};
        const auto nul = rest_.find('\0');
        if (nul == std::string_view::npos) {
            finished_ = true;
            return std::string(rest_);
        }
        std::string field(rest_.substr(0, nul));
        rest_.remove_prefix(nul + 1);
        return field;
    }
    // A number in [-bound, bound] made from the next field's bytes.
    std::int64_t number(std::int64_t bound) {
        std::uint64_t h = 1469598103934665603u;
        for (const char c : text()) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211u;
        return static_cast<std::int64_t>(h % (2 * static_cast<std::uint64_t>(bound) + 1)) - bound;
    }
    std::optional<std::int64_t> maybe(std::int64_t bound) {
        const auto n = number(bound);
        return n % 3 == 0 ? std::nullopt : std::optional<std::int64_t>(n);
    }

  private:
    std::string_view rest_;
    bool finished_ = false;
};

constexpr std::int64_t ms = 4'000'000'000'000;  // about AD 2096 either side of 1970
constexpr std::int64_t count = 1'000'000'000;

// The enums the store holds, from a field: its name when it is one, else any of them.
Dimension dimension_of(const std::string& text) {
    return parse_dimension(text).value_or(static_cast<Dimension>(text.size() % dimension_count));
}
BanKind ban_kind_of(const std::string& text) {
    return parse_ban_kind(text).value_or(text.size() % 2 ? BanKind::as : BanKind::network);
}

void add(IncidentRecord& r, Fields& f) {
    const auto kind = f.text();
    switch (kind.empty() ? 0 : kind.front() % 8) {
        case 0: {
            // The fields in the order the corpus was made for.
            ClusterEvidence entry;
            auto& c = entry.cluster;
            c.id = f.number(100);
            c.dimension = dimension_of(f.text());
            c.key_value = f.text();
            entry.example = f.text();
            c.attempts_in_window = f.number(count);
            c.window_total = f.number(count);
            c.distinct_networks = f.number(count);
            c.first_attempt_ms = f.number(ms);
            c.detected_ms = f.number(ms);
            c.contained_ms = f.maybe(ms);
            c.held_until_ms = f.maybe(ms);
            c.state = f.text();
            c.decided_ms = f.maybe(ms);
            c.decided_by = f.text();
            entry.signatures_held = f.number(count);
            r.clusters.push_back(std::move(entry));
            break;
        }
        case 1:
            r.actions.push_back({f.number(100), f.number(ms), f.text(), f.text(), f.maybe(ms)});
            break;
        case 2:
            r.bans.push_back({f.number(100), std::nullopt, ban_kind_of(f.text()), f.text(),
                              f.number(ms), f.number(ms), f.maybe(ms), f.text()});
            break;
        case 3:
            r.sources.push_back({f.text(), f.text(), f.maybe(100'000), f.text(), f.number(count),
                                 f.number(ms), f.number(ms)});
            break;
        case 4:
            r.minutes.push_back({f.number(ms), f.text(), f.number(count)});
            break;
        case 5:
            r.user_agents.push_back({f.text(), f.number(count), f.number(ms), f.number(ms)});
            break;
        case 6: {
            SignatureSample s;
            s.id = f.number(1000);
            s.name = f.text();
            s.email = f.text();
            s.email_domain = f.text();
            s.postcode = f.text();
            s.comment = f.text();
            s.state = f.text();
            s.created_s = f.number(ms / 1000);
            s.confirmed_s = f.maybe(ms / 1000);
            s.ip = f.text();
            r.samples.push_back(std::move(s));
            break;
        }
        default: {
            const auto key = f.text();
            r.signatures_by_state[key] = f.number(count);
            r.as_organisations[f.number(100'000)] = f.text();
            break;
        }
    }
}

// What a spreadsheet shows for a text: a formula's leading character defused.
std::string shown(std::string_view text) {
    std::string cell = to_valid_utf8(text);
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string::npos)
        cell.insert(cell.begin(), '\'');
    return cell;
}

using Rows = std::vector<std::vector<std::string>>;

// RFC 4180, strictly: quoted or bare cells, CRLF line ends; a blank line is an empty row.
// Fails (returns false) on anything else.
bool parse_csv(std::string_view text, Rows& rows) {
    std::vector<std::string> row;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i, 2) == "\r\n") {  // a blank line
            rows.emplace_back();
            i += 2;
            continue;
        }
        for (;;) {
            std::string cell;
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size()) return false;
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            cell += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    cell += text[i++];
                }
            } else {
                while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '"' &&
                       text[i] != '\n')
                    cell += text[i++];
            }
            row.push_back(std::move(cell));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (text.substr(i, 2) != "\r\n") return false;
            i += 2;
            rows.push_back(std::move(row));
            row.clear();
            break;
        }
    }
    return true;
}

void check_csv(const IncidentRecord& record, const Export& csv) {
    FUZZ_CHECK(csv.sha256 == sha256_hex(csv.bytes));
    FUZZ_CHECK(is_valid_utf8(csv.bytes));
    const std::string_view bom = "\xEF\xBB\xBF";
    FUZZ_CHECK(csv.bytes.starts_with(bom));
    Rows rows;
    FUZZ_CHECK(parse_csv(std::string_view(csv.bytes).substr(bom.size()), rows));

    // Sections: a header row whose first cell is "section", rows as wide, a blank line.
    std::map<std::string, Rows> sections;
    std::size_t width = 0;
    bool in_section = false;
    for (const auto& row : rows) {
        if (row.empty()) {
            FUZZ_CHECK(in_section);
            in_section = false;
            continue;
        }
        if (!in_section) {
            FUZZ_CHECK(row.front() == "section");
            FUZZ_CHECK(row.size() >= 2);
            width = row.size();
            in_section = true;
            continue;
        }
        FUZZ_CHECK(row.size() == width);
        sections[row.front()].push_back(row);
    }
    FUZZ_CHECK(!in_section);
    for (const auto& row : rows)
        for (const auto& cell : row)
            FUZZ_CHECK(cell.empty() ||
                       std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos);

    // Hostile texts come back as the spreadsheet shows them, in their own cells.
    bool title_found = false;
    for (const auto& row : sections["summary"])
        if (row[1] == "petition_title")
            title_found = row[2] == shown(record.incident.petition_title);
    FUZZ_CHECK(title_found);
    std::multiset<std::string> agents_in, agents_out;
    for (const auto& u : record.user_agents) agents_in.insert(shown(u.user_agent));
    for (const auto& row : sections["user_agents"]) agents_out.insert(row[1]);
    FUZZ_CHECK(agents_in == agents_out);
}

void check_json(const IncidentRecord& record, const Export& json) {
    FUZZ_CHECK(json.sha256 == sha256_hex(json.bytes));
    boost::system::error_code ec;
    const auto value = boost::json::parse(json.bytes, ec);
    if (ec) std::fprintf(stderr, "JSON does not parse: %s\n", ec.message().c_str());
    FUZZ_CHECK(!ec);
    FUZZ_CHECK(value.is_object());
    const auto& root = value.as_object();
    FUZZ_CHECK(root.at("format") == "rempart-incident-evidence");
    const auto& petition = root.at("incident").at("petition");
    FUZZ_CHECK(petition.at("title").as_string() == to_valid_utf8(record.incident.petition_title));
    const auto& agents = root.at("user_agents").as_array();
    FUZZ_CHECK(agents.size() == record.user_agents.size());
    std::multiset<std::string> agents_in, agents_out;
    for (const auto& u : record.user_agents) agents_in.insert(to_valid_utf8(u.user_agent));
    for (const auto& agent : agents)
        agents_out.insert(std::string(agent.at("user_agent").as_string()));
    FUZZ_CHECK(agents_in == agents_out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_text(data, size);

    // One cell: quoted, formulas defused, and read back as the spreadsheet shows it.
    Rows cell_rows;
    FUZZ_CHECK(parse_csv(csv_cell(input) + "\r\n", cell_rows));
    FUZZ_CHECK(cell_rows.size() == 1 && cell_rows[0].size() == 1);
    FUZZ_CHECK(cell_rows[0][0] == shown(input));

    Fields fields(input);
    IncidentRecord record;
    record.incident.id = fields.number(1000);
    record.incident.petition_id = fields.number(1000);
    record.incident.petition_slug = fields.text();
    record.incident.petition_title = fields.text();
    record.incident.state = fields.text();
    record.incident.opened_ms = fields.number(ms);
    record.incident.quarantined = fields.number(count);
    while (!fields.done()) add(record, fields);

    check_json(record, export_json(record));
    check_csv(record, export_csv(record));
    return 0;
}
