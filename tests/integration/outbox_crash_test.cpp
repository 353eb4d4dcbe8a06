// The outbox killed in the middle of a batch: after the restart every accepted signature's
// confirmation mail is in the Maildir exactly once.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <thread>

#include "client/signing_client.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

std::size_t messages_in(const std::filesystem::path& folder) {
    std::error_code ec;
    std::size_t count = 0;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec))
        ++count;
    return count;
}

std::string outbox_value(const ServerProcess& server, const std::string& sql) {
    const auto rows = store_rows(server, sql, "NULL");
    return rows.empty() || rows[0].empty() ? "" : rows[0][0];
}

// The recipient of each message in new/, with how many messages went to it.
std::map<std::string, int> recipients_of(const std::filesystem::path& maildir) {
    std::map<std::string, int> seen;
    for (const auto& message : maildir_messages(maildir)) {
        const auto at = message.find("\r\nTo: ");
        if (at == std::string::npos) continue;
        const auto end = message.find("\r\n", at + 2);
        ++seen[message.substr(at + 6, end - at - 6)];
    }
    return seen;
}

TEST(OutboxCrash, AKillInTheMiddleOfABatchLosesNoMailAndSendsNoneTwice) {
    constexpr int signers = 500;  // two batches of the outbox: a slow kill still lands in one
    // One address signs for everyone here: its limits are lifted. Failed deliveries come
    // round again after a second.
    ServerProcess server(
        "[shield]\n"
        "sign_per_ip = { per_minute = 100000, burst = 100000 }\n"
        "sign_per_network = { per_minute = 100000, burst = 100000 }\n"
        "sign_per_wide_network = { per_minute = 100000, burst = 100000 }\n"
        "sign_per_as = { per_minute = 100000, burst = 100000 }\n"
        "sign_per_petition = { per_minute = 100000, burst = 100000 }\n"
        "[traffic]\n"
        "sign_posts_per_ip = 100000\n"
        "sign_posts_per_network = 100000\n"
        "sign_posts_per_as = 100000\n"
        "[mail]\n"
        "retry_first_s = 1\n");
    server.create_petition("velo", "Vélo");
    server.start();
    const auto maildir = server.dir() / "data" / "mail";
    // While new/ is a file, every delivery fails and the mails pile up in the outbox.
    std::filesystem::remove_all(maildir / "new");
    std::ofstream(maildir / "new") << "not a folder";
    // Proofs of work made with the server's secret, as bench/sign makes them: five hundred
    // challenges fetched in a row would meet the challenge's own limit.
    std::string secret;
    std::ifstream(server.dir() / "data" / "secret.key") >> secret;
    const auto start = challenge_start_mark(server.port());
    const auto expires = static_cast<std::int64_t>(std::time(nullptr)) + 3600;
    for (int i = 0; i < signers; ++i) {
        const auto email = "signer" + std::to_string(i) + "@example.org";
        const auto proof = altcha_payload(secret, expires, "crash" + std::to_string(i), start);
        ASSERT_EQ(post_form(server.port(), "/petitions/velo/sign",
                            Fields{{"name", "Signataire " + std::to_string(i)},
                                   {"email", email},
                                   {"accept_terms", "1"},
                                   {"altcha", proof}})
                      .status,
                  303u)
            << email;
    }
    ASSERT_EQ(outbox_value(server, "SELECT COUNT(*) FROM outbox WHERE state = 'queued'"),
              std::to_string(signers));

    // The folder is back: the outbox's next round takes a full batch. Killed as soon as the
    // first of them is in new/, before the batch is recorded as sent.
    std::filesystem::remove(maildir / "new");
    std::filesystem::create_directory(maildir / "new");
    // Each failed round doubled the wait before the next (1 s, 2 s, 4 s...), so how soon the
    // mails come due again depends on how long the signing took: bounded generously.
    std::size_t delivered = 0;
    for (const auto until = std::chrono::steady_clock::now() + 60s;
         delivered == 0 && std::chrono::steady_clock::now() < until;) {
        delivered = messages_in(maildir / "new");
        if (delivered == 0) std::this_thread::sleep_for(1ms);
    }
    server.kill();
    delivered = messages_in(maildir / "new");
    ASSERT_GT(delivered, 0u) << "nothing was delivered within 60 s";
    const auto recorded =
        std::stoul(outbox_value(server, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'"));
    // The case this test is for: mails in new/ that the outbox had not recorded as sent.
    ASSERT_LT(recorded, delivered) << "the kill came after the batch was recorded";

    server.start();
    for (const auto until = std::chrono::steady_clock::now() + 120s;
         std::chrono::steady_clock::now() < until &&
         (messages_in(maildir / "new") < signers ||
          outbox_value(server, "SELECT COUNT(*) FROM outbox WHERE state = 'queued'") != "0");)
        std::this_thread::sleep_for(50ms);
    EXPECT_EQ(messages_in(maildir / "new"), static_cast<std::size_t>(signers));
    EXPECT_EQ(outbox_value(server, "SELECT COUNT(*) FROM outbox WHERE state = 'sent'"),
              std::to_string(signers));
    const auto seen = recipients_of(maildir);
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(signers));
    for (const auto& [to, times] : seen) EXPECT_EQ(times, 1) << to;
    EXPECT_TRUE(std::filesystem::is_empty(maildir / "tmp"));
}

}  // namespace
}  // namespace rempart::testing
