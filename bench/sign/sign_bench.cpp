// bench/sign's helper: prepares signing requests (proofs of work solved ahead) and measures
// the reference, the same rows inserted straight into SQLite without HTTP.
//   sign_bench prepare SECRET_FILE COUNT OUT PORT   one form body a line, for wrk, for the
//                                                  server running on PORT
//   sign_bench sqlite DATA_DIR SECONDS         the reference rate, printed as "N rows/s"
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

#include "client/signing_client.hpp"
#include "signatures/link_token.hpp"
#include "store/event_repository.hpp"
#include "store/migrations.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"

namespace {

using namespace rempart;

int prepare(const std::string& secret_file, long count, const std::string& out_file,
            std::uint16_t port) {
    std::ifstream in(secret_file);
    std::string secret;
    in >> secret;
    if (secret.empty()) {
        std::cerr << "sign_bench: cannot read the secret in " << secret_file << "\n";
        return 1;
    }
    // The server takes only challenges made since its start: they carry its mark.
    const auto start = testing::challenge_start_mark(port);
    if (start.empty()) {
        std::cerr << "sign_bench: no challenge from the server on port " << port << "\n";
        return 1;
    }
    const auto expires = static_cast<std::int64_t>(std::time(nullptr)) + 3600;
    std::ofstream out(out_file);
    for (long i = 0; i < count; ++i) {
        const auto salt = "b" + std::to_string(i);
        // Spread over a thousand mail domains and metropolitan postcodes, as a real crowd is.
        char postcode[6];
        std::snprintf(postcode, sizeof postcode, "%02ld%03ld", 1 + i % 19, i % 1000);
        testing::Fields fields{{"name", "Signataire " + std::to_string(i)},
                               {"email", "s" + std::to_string(i) + "@mail" +
                                             std::to_string(i % 1000) + ".example.org"},
                               {"postcode", postcode},
                               {"accept_terms", "1"},
                               {"altcha", testing::altcha_payload(secret, expires, salt, start)}};
        out << testing::form_encode(fields) << "\n";
    }
    return out ? 0 : 1;
}

// The rows one accepted signature writes (signature, link, outbox row, event), with the
// values a bench signature gives them (its fields, wrk's user agent, a keyed name hash, a
// link token), in groups of 256 a transaction, as the writer would group them under load.
int sqlite_reference(const std::string& data_dir, double seconds) {
    std::filesystem::create_directories(data_dir);
    auto opened = store::Database::open(std::filesystem::path(data_dir) / "reference.db",
                                        store::Database::Mode::read_write);
    if (!opened || !store::migrate(**opened)) {
        std::cerr << "sign_bench: cannot open the reference database\n";
        return 1;
    }
    auto& db = **opened;
    const auto petition = store::insert_petition(db, {"ref", "Ref", "", "Texte", {}, false}, 1);
    if (!petition) return 1;
    const std::string user_agent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36";
    const auto start = std::chrono::steady_clock::now();
    const auto until = start + std::chrono::duration<double>(seconds);
    long rows = 0;
    while (std::chrono::steady_clock::now() < until) {
        if (!db.exec("BEGIN")) return 1;
        for (int i = 0; i < 256; ++i, ++rows) {
            const auto n = std::to_string(rows);
            const auto domain = "mail" + std::to_string(rows % 1000) + ".example.org";
            signatures::NewSignature s;
            s.petition_id = petition->id;
            s.name = "Signataire " + n;
            s.name_normalised = "signataire " + n;
            s.email = "s" + n + "@" + domain;
            s.email_canonical = s.email;
            s.email_domain = domain;
            s.postcode = "05004";
            s.region = "05";
            s.language = "fr";
            s.terms_version = s.privacy_version = "2026-11-01";
            s.ip =
                "10." + std::to_string(rows % 250) + "." + std::to_string(rows / 250 % 250) + ".1";
            s.now = 1000;
            const auto token = signatures::new_link_token();
            const auto hash = signatures::link_token_hash(token);
            auto recorded = store::record_signature(db, s, hash, 5000, 3600);
            if (!recorded) return 1;
            if (!store::enqueue_confirmation(db, "petitions@example.org", s.email,
                                             recorded->signature_id, token, 1000))
                return 1;
            signatures::SigningEvent event;
            event.at_ms = 1000000 + rows;
            event.petition_id = petition->id;
            event.signature_id = recorded->signature_id;
            event.verdict = "accepted";
            event.ip = s.ip;
            event.network = "net:" + s.ip.substr(0, s.ip.size() - 1) + "0/24";
            event.email_domain = domain;
            event.name_key = hash.substr(0, 32);  // 32 hex digits, as the keyed hash gives
            event.user_agent = user_agent;
            event.pow_difficulty = 0;
            event.pow_verdict = "accepted";
            if (!store::insert_event(db, event)) return 1;
        }
        if (!db.exec("COMMIT")) return 1;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << static_cast<long>(rows / elapsed) << " rows/s\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "prepare" && argc == 6)
        return prepare(argv[2], std::stol(argv[3]), argv[4],
                       static_cast<std::uint16_t>(std::stoi(argv[5])));
    if (mode == "sqlite" && argc == 4) return sqlite_reference(argv[2], std::stod(argv[3]));
    std::cerr << "usage: sign_bench prepare SECRET_FILE COUNT OUT PORT | sqlite DATA_DIR SECONDS\n";
    return 2;
}
