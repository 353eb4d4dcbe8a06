// `rempart evidence export` and `rempart evidence list`: the files for a complaint.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/failure.hpp"

#include "app/signing_setup.hpp"
#include "core/clock.hpp"
#include "defence/evidence/export.hpp"
#include "defence/evidence/organisations.hpp"
#include "defence/evidence/text.hpp"
#include "defence/model/errors.hpp"
#include "store/evidence_repository.hpp"
#include "store/store.hpp"

namespace rempart::cli {
namespace {

namespace fs = std::filesystem;

Result<std::int64_t> parse_incident_id(const std::string& text) {
    std::int64_t id = 0;
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || err != std::errc() || end != text.data() + text.size() || id <= 0)
        return make_error(
            defence::DefenceError::evidence_bad_incident,
            "the incident must be a positive whole number, e.g. 12 (got '" + text + "')");
    return id;
}

struct Staged {
    fs::path temporary;
    fs::path final;
};

Result<void> write_whole(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written < 0)
            return make_error(defence::DefenceError::evidence_write_failed, std::strerror(errno));
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::fsync(fd) != 0)
        return make_error(defence::DefenceError::evidence_write_failed, std::strerror(errno));
    return {};
}

// Every file goes to a hidden temporary name first and is renamed only once all were
// written and synced: a full disk or a kill leaves no half file under the real name.
Result<void> write_files(const fs::path& dir,
                         const std::vector<const defence::evidence::Export*>& files) {
    std::vector<Staged> staged;
    const auto discard = [&staged] {
        for (const auto& s : staged) ::unlink(s.temporary.c_str());
    };
    for (const auto* file : files) {
        std::string pattern = (dir / ("." + file->filename + ".XXXXXX")).string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            const auto reason = std::strerror(errno);
            discard();
            return make_error(defence::DefenceError::evidence_write_failed,
                              "cannot write in " + dir.string() + ": " + reason);
        }
        staged.push_back({pattern, dir / file->filename});
        ::fchmod(fd, 0644);
        auto written = write_whole(fd, file->bytes);
        ::close(fd);
        if (!written) {
            discard();
            return make_error(defence::DefenceError::evidence_write_failed,
                              "cannot write " + pattern + ": " + written.error().detail);
        }
    }
    for (const auto& s : staged) {
        if (::rename(s.temporary.c_str(), s.final.c_str()) != 0) {
            const auto reason = std::strerror(errno);
            discard();
            return make_error(defence::DefenceError::evidence_write_failed,
                              "cannot write " + s.final.string() + ": " + reason);
        }
    }
    return {};
}

Result<defence::IncidentRecord> load_named_record(const Config& config, store::Store& store,
                                                  std::int64_t id) {
    const auto now = unix_now_ms();
    auto record = store.readers().read_now<Result<defence::IncidentRecord>>(
        [id, now](store::Database& db) { return store::load_incident_record(db, id, now); });
    if (!record) return record;
    auto table = app::load_asn_table(config.shield);
    if (!table) return table.error();
    defence::evidence::name_autonomous_systems(*record, **table);
    return record;
}

}  // namespace

int export_evidence(const Config& config, const EvidenceOptions& options, std::ostream& out) {
    const auto id = parse_incident_id(options.incident);
    if (!id) return fail(id.error().detail);
    std::error_code ec;
    if (!fs::is_directory(options.out_dir, ec))
        return fail("cannot write in " + options.out_dir.string() + ": " +
                    (fs::exists(options.out_dir, ec) ? "not a folder" : "no such folder"));
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);

    auto record = load_named_record(config, **store, *id);
    if (!record) {
        (*store)->close();
        return fail(record.error().detail);
    }
    const auto json = defence::evidence::export_json(*record);
    const auto csv = defence::evidence::export_csv(*record);
    if (auto written = write_files(options.out_dir, {&json, &csv}); !written) {
        (*store)->close();
        return fail(written.error().detail);
    }
    const auto at = unix_now_ms();
    for (const auto* file : {&json, &csv}) {
        const std::string format = file == &json ? "json" : "csv";
        const auto size = static_cast<std::int64_t>(file->bytes.size());
        auto recorded = (*store)->writer().write_now<std::int64_t>([&](store::Database& db) {
            return store::record_evidence_export(db, *id, format, file->sha256, size, at, "cli");
        });
        if (!recorded) {
            (*store)->close();
            return fail("the files were written but not recorded: " + recorded.error().detail);
        }
        out << (options.out_dir / file->filename).string() << "  " << size << " bytes  SHA-256 "
            << file->sha256 << "\n";
    }
    (*store)->close();
    return 0;
}

int list_evidence(const Config& config, const EvidenceOptions& options, std::ostream& out) {
    const auto id = parse_incident_id(options.incident);
    if (!id) return fail(id.error().detail);
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);
    const auto exports = (*store)->readers().read_now<std::vector<store::EvidenceExport>>(
        [id = *id](store::Database& db) { return store::list_evidence_exports(db, id); });
    (*store)->close();
    if (exports.empty()) {
        out << "No evidence exported for incident " << *id << " yet.\n";
        return 0;
    }
    for (const auto& e : exports)
        out << defence::evidence::utc_text(e.exported_ms) << "  " << e.format << "  "
            << e.size_bytes << " bytes  SHA-256 " << e.sha256 << "  by " << e.exported_by << "\n";
    return 0;
}

}  // namespace rempart::cli
