// Load shedding against the real server, under real pressure: a store falling behind a
// flood of searches over a large archive. Searches go first, then the API; pages from
// memory, signing and confirming never.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <latch>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// Closed petitions straight into the store before the server starts: an archive large
// enough that every search, which reads all of it, keeps a reader busy for a while.
void fill_archive(const ServerProcess& server, int petitions) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server.dir() / "data" / "rempart.db").c_str(), &db), SQLITE_OK);
    std::string body;
    while (body.size() < 3000) body += "Une pétition d'archive sur la vie du quartier, à lire. ";
    ASSERT_EQ(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_stmt* insert = nullptr;
    ASSERT_EQ(
        sqlite3_prepare_v2(db,
                           "INSERT INTO petitions (slug, title, summary, body_markdown, state, "
                           "created_at, updated_at) VALUES (?1, ?2, '', ?3, 'closed', 1, 1)",
                           -1, &insert, nullptr),
        SQLITE_OK);
    for (int i = 0; i < petitions; ++i) {
        const auto slug = "archive-" + std::to_string(i);
        sqlite3_bind_text(insert, 1, slug.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, ("Archive " + std::to_string(i)).c_str(), -1,
                          SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, body.c_str(), -1, SQLITE_STATIC);
        ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

struct Answers {
    std::vector<HttpResponse> searches, pages, api;
    HttpResponse signature;
};

class Shedding : public ::testing::Test {
  protected:
    // These tests are about the read queue: the lag bounds are set out of reach, because
    // on a busy test machine (sanitizers, tests in parallel) the io threads' own lag would
    // shed API reads that the queue alone lets through.
    void start(int queue_low, int queue_normal) {
        server_ = std::make_unique<ServerProcess>(
            "[shedding]\nqueue_low = " + std::to_string(queue_low) +
            "\nqueue_normal = " + std::to_string(queue_normal) +
            "\nlag_low_ms = 60000\nlag_normal_ms = 60000\nretry_after_s = 7\n"
            "[traffic]\npage_per_ip = 100000\npage_per_network = 100000\napi_per_ip = 100000\n"
            "api_per_network = 100000\n"
            "[gate]\nmode = \"off\"\n");
        server_->create_petition("velo", "Vélo");
        fill_archive(*server_, 3000);
        server_->start();
    }

    // Thirty searches at once, and while they queue: pages, API reads and a signature.
    Answers flood() {
        const auto port = server_->port();
        const auto fields = signing_fields(port, "Marie Curie", "marie@example.org");
        Answers answers;
        answers.searches.resize(30);
        std::latch ready(31);
        std::vector<std::thread> searchers;
        for (std::size_t i = 0; i < answers.searches.size(); ++i)
            searchers.emplace_back([&, i] {
                ready.arrive_and_wait();
                answers.searches[i] = http_get(port, "/search?q=introuvable+quartier", {}, 60s);
            });
        ready.arrive_and_wait();
        std::this_thread::sleep_for(50ms);
        // An API read that passes waits for a reader behind the searches that got in, which
        // takes seconds under the sanitizers: the test waits as long as a patient client.
        for (int i = 0; i < 10; ++i) {
            answers.pages.push_back(http_get(port, "/petitions/velo", {}, 60s));
            answers.api.push_back(http_get(port, "/api/petitions/velo", {}, 60s));
        }
        answers.signature = post_form(port, "/petitions/velo/sign", fields);
        for (auto& searcher : searchers) searcher.join();
        return answers;
    }

    static int count(const std::vector<HttpResponse>& answers, unsigned status) {
        return static_cast<int>(std::count_if(answers.begin(), answers.end(),
                                              [=](const auto& a) { return a.status == status; }));
    }

    std::unique_ptr<ServerProcess> server_;
};

TEST_F(Shedding, SearchesAreShedFirstWhilePagesTheApiAndSigningGoOn) {
    start(2, 100000);
    const auto answers = flood();
    EXPECT_GE(count(answers.searches, 503), 1);
    EXPECT_EQ(count(answers.searches, 503) + count(answers.searches, 200), 30);
    for (const auto& search : answers.searches) {
        if (search.status != 503) continue;
        EXPECT_EQ(search.header("retry-after"), "7");
        EXPECT_TRUE(search.header("x-rempart-gate").empty());
    }
    EXPECT_EQ(count(answers.pages, 200), 10);
    EXPECT_EQ(count(answers.api, 200), 10);
    EXPECT_EQ(answers.signature.status, 303u) << answers.signature.body;
    EXPECT_GE(metric_value(server_->port(), "rempart_shield_decisions_total{decision=\"shed\"}"),
              1);
}

// With both bounds at three waiting reads, the searches that got in keep the queue at the
// normal bound too: API reads arriving then are shed as well.
TEST_F(Shedding, PastTheNormalBoundTheApiIsShedTooButNeverThePagesNorSigning) {
    start(3, 3);
    // Whether an API read arrives while three reads wait depends on how the two cores share
    // the searches: up to three floods, until one sheds an API read. Pages and signing must
    // go through in every one.
    int api_shed = 0;
    for (int round = 0; round < 3 && api_shed == 0; ++round) {
        const auto answers = flood();
        EXPECT_GE(count(answers.searches, 503), 1);
        EXPECT_EQ(count(answers.api, 503) + count(answers.api, 200), 10);
        EXPECT_EQ(count(answers.pages, 200), 10);
        EXPECT_EQ(answers.signature.status, 303u) << answers.signature.body;
        api_shed = count(answers.api, 503);
    }
    EXPECT_GE(api_shed, 1);
}

}  // namespace
}  // namespace rempart::testing
