// Tests for the store: migrations, the group-committing writer, readers, petitions.
#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <span>
#include <thread>

#include "petitions/errors.hpp"
#include "store/errors.hpp"
#include "store/migrations.hpp"
#include "store/petition_repository.hpp"
#include "store/store.hpp"

namespace rempart::store {
namespace {

// A job's own failure, as a repository's would be: the writer passes it on untouched.
enum class TestError { failed };
constexpr std::string_view error_name(TestError) {
    return "test.failed";
}

class TempDir {
  public:
    TempDir() {
        char pattern[] = "/tmp/rempart-store-test.XXXXXX";
        path_ = ::mkdtemp(pattern);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

std::unique_ptr<Database> open_db(const std::filesystem::path& file) {
    auto db = Database::open(file, Database::Mode::read_write);
    EXPECT_TRUE(db.ok());
    return std::move(*db);
}

PetitionDraft draft(std::string slug) {
    return PetitionDraft{std::move(slug), "Titre", "Résumé", "Texte", 100};
}

TEST(Migrations, CreateTheSchemaFromScratch) {
    TempDir dir;
    auto db = open_db(dir.path() / "a.db");
    const auto schema = migrate(*db);
    ASSERT_TRUE(schema.ok()) << schema.error().detail;
    EXPECT_GE(*schema, 1);
    EXPECT_EQ(db->user_version(), *schema);
    EXPECT_TRUE(insert_petition(*db, draft("abc"), 1).ok());
}

TEST(Migrations, BringAnOlderStoreUpToDate) {
    TempDir dir;
    const Migration v1{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"};
    const Migration v2{2, "0002_b.sql", "ALTER TABLE a ADD COLUMN y TEXT;"};
    {
        auto db = open_db(dir.path() / "a.db");
        const Migration old_build[] = {v1};
        ASSERT_EQ(*migrate(*db, old_build), 1);
        ASSERT_TRUE(db->exec("INSERT INTO a (x) VALUES (7)").ok());
    }
    auto db = open_db(dir.path() / "a.db");
    const Migration new_build[] = {v1, v2};
    ASSERT_EQ(*migrate(*db, new_build), 2);
    auto& row = db->prepare("SELECT x, y FROM a");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.column_int(0), 7);  // nothing already stored is lost
    EXPECT_TRUE(row.column_is_null(1));
}

TEST(Migrations, SignaturesInvalidatedByHandBeforeTheirTableAreRecordedAsSuch) {
    TempDir dir;
    const auto all = embedded_migrations();
    const auto from =
        std::find_if(all.begin(), all.end(), [](const Migration& m) { return m.number == 10; });
    ASSERT_NE(from, all.end());
    auto db = open_db(dir.path() / "a.db");
    ASSERT_EQ(*migrate(*db, std::span<const Migration>(all.begin(), from)), 9);
    // 1 was set aside by hand (a released cluster holds it), 2 by a cluster's invalidation,
    // 3 counts.
    ASSERT_TRUE(db->exec(R"(
        INSERT INTO petitions (id, slug, title, body_markdown, state, created_at, updated_at)
            VALUES (1, 'p', 'T', 'x', 'published', 1, 1);
        INSERT INTO signatures (id, petition_id, state, name, name_normalised, email,
            email_canonical, email_domain, public_name, language, terms_version,
            privacy_version, accepted_at, ip, created_at, last_mail_at) VALUES
            (1, 1, 'invalidated', 'a', 'a', 'a@x.org', 'a@x.org', 'x.org', 0, 'fr', 'v', 'v', 1,
             '', 1, 1),
            (2, 1, 'invalidated', 'b', 'b', 'b@x.org', 'b@x.org', 'x.org', 0, 'fr', 'v', 'v', 1,
             '', 1, 1),
            (3, 1, 'confirmed', 'c', 'c', 'c@x.org', 'c@x.org', 'x.org', 0, 'fr', 'v', 'v', 1,
             '', 1, 1);
        INSERT INTO incidents (id, petition_id, state, dimension, key_value, attempts_in_window,
            window_total, distinct_networks, first_attempt_ms, opened_ms)
            VALUES (1, 1, 'invalidated', 'name', 'k', 1, 1, 1, 1, 1);
        INSERT INTO incident_clusters (id, incident_id, dimension, key_value,
            attempts_in_window, window_total, distinct_networks, first_attempt_ms, detected_ms,
            contained_ms, held_until_ms, state) VALUES
            (1, 1, 'name', 'k', 1, 1, 1, 1, 1, 1, 1, 'released'),
            (2, 1, 'as', 'as:64500', 1, 1, 1, 1, 1, 1, 1, 'invalidated');
        INSERT INTO quarantine_holds (signature_id, cluster_id) VALUES (1, 1), (3, 1), (2, 2);
    )")
                    .ok());
    ASSERT_GE(*migrate(*db), 8);
    auto& select = db->prepare("SELECT signature_id FROM hand_invalidations ORDER BY 1");
    std::vector<std::int64_t> recorded;
    while (select.step()) recorded.push_back(select.column_int(0));
    select.reset();
    EXPECT_EQ(recorded, (std::vector<std::int64_t>{1}));
}

TEST(Migrations, RefuseAStoreFromANewerVersion) {
    TempDir dir;
    auto db = open_db(dir.path() / "a.db");
    ASSERT_TRUE(db->exec("PRAGMA user_version = 42").ok());
    const auto schema = migrate(*db);
    ASSERT_FALSE(schema.ok());
    EXPECT_EQ(schema.error().code, StoreError::newer);
    EXPECT_NE(schema.error().detail.find("schema 42"), std::string::npos);
}

TEST(Migrations, AFailingMigrationLeavesTheStoreAsItWas) {
    TempDir dir;
    auto db = open_db(dir.path() / "a.db");
    const Migration broken[] = {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                                {2, "0002_b.sql", "CREATE TABLE b (y); THIS IS NOT SQL;"}};
    const auto schema = migrate(*db, broken);
    ASSERT_FALSE(schema.ok());
    EXPECT_EQ(db->user_version(), 1);
    EXPECT_FALSE(db->exec("SELECT * FROM b").ok());
}

class WriterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto db = open_db(dir_.path() / "w.db");
        ASSERT_TRUE(migrate(*db).ok());
        writer_ = std::make_unique<Writer>(std::move(db), std::chrono::milliseconds(2));
    }
    std::size_t count_rows() {
        auto db = open_db(dir_.path() / "w.db");
        auto& count = db->prepare("SELECT count(*) FROM petitions");
        count.step();
        return static_cast<std::size_t>(count.column_int(0));
    }
    TempDir dir_;
    std::unique_ptr<Writer> writer_;
};

TEST_F(WriterTest, CommitsManyWritesInFewerGroups) {
    constexpr int threads = 8;
    constexpr int per_thread = 125;
    std::atomic<int> committed{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                auto result = writer_->write_now<Petition>([&](Database& db) {
                    return insert_petition(
                        db, draft("p-" + std::to_string(t) + "-" + std::to_string(i)), 1);
                });
                if (result.ok()) ++committed;
            }
        });
    for (auto& worker : workers) worker.join();
    EXPECT_EQ(committed.load(), threads * per_thread);
    EXPECT_EQ(count_rows(), static_cast<std::size_t>(threads * per_thread));
    EXPECT_LT(writer_->groups_committed(), static_cast<std::uint64_t>(threads * per_thread));
}

TEST_F(WriterTest, AFailingJobRollsBackAloneAndItsNeighboursCommit) {
    std::atomic<int> done{0};
    std::vector<Result<void>> outcomes(3);
    const auto submit = [&](int i, Writer::Job job) {
        writer_->submit(std::move(job), [&, i](Result<void> r) {
            outcomes[i] = std::move(r);
            ++done;
        });
    };
    submit(0, [](Database& db) -> Result<void> {
        auto r = insert_petition(db, draft("first"), 1);
        return r ? Result<void>() : r.error();
    });
    submit(1, [](Database& db) -> Result<void> {
        (void)insert_petition(db, draft("half-done"), 1);
        return make_error(TestError::failed, "changed my mind");
    });
    submit(2, [](Database&) -> Result<void> { throw std::runtime_error("a bug"); });
    while (done < 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_TRUE(outcomes[0].ok());
    EXPECT_EQ(outcomes[1].error().code, TestError::failed);
    EXPECT_EQ(outcomes[2].error().code, StoreError::job_failed);
    EXPECT_EQ(count_rows(), 1u);
}

TEST_F(WriterTest, CompletionComesAfterTheCommit) {
    std::atomic<bool> seen{false};
    std::atomic<bool> done{false};
    writer_->submit(
        [](Database& db) -> Result<void> {
            auto r = insert_petition(db, draft("visible"), 1);
            return r ? Result<void>() : r.error();
        },
        [&](Result<void>) {
            // Another connection sees the row as soon as we are told.
            seen = count_rows() == 1;
            done = true;
        });
    while (!done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    EXPECT_TRUE(seen);
}

TEST_F(WriterTest, StopFinishesQueuedWritesAndRefusesNewOnes) {
    std::atomic<int> ok{0};
    for (int i = 0; i < 50; ++i)
        writer_->submit(
            [i](Database& db) -> Result<void> {
                auto r = insert_petition(db, draft("q-" + std::to_string(i)), 1);
                return r ? Result<void>() : r.error();
            },
            [&](Result<void> r) { ok += r.ok(); });
    writer_->stop();
    EXPECT_EQ(ok.load(), 50);
    const auto late = writer_->write_now<int>([](Database&) -> Result<int> { return 1; });
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, StoreError::stopping);
}

TEST(WriterQueue, AFullQueueTurnsAwayPublicWritesButNotTheServersOwn) {
    TempDir dir;
    auto db = open_db(dir.path() / "q.db");
    ASSERT_TRUE(migrate(*db).ok());
    Writer writer(std::move(db), std::chrono::milliseconds(0), 512, 4);
    // The first job holds the writer thread until released, so the others stay queued.
    std::promise<void> release;
    auto released = release.get_future().share();
    std::atomic<int> ok{0};
    std::atomic<int> busy{0};
    const auto count = [&](Result<void> r) {
        if (r.ok())
            ++ok;
        else if (r.error().code == StoreError::busy)
            ++busy;
    };
    writer.submit(
        [released](Database&) -> Result<void> {
            released.wait();
            return {};
        },
        count, Admission::when_room);
    while (writer.queued() != 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (int i = 0; i < 4; ++i)
        writer.submit([](Database&) -> Result<void> { return {}; }, count, Admission::when_room);
    // One past the bound: refused at once, the queue does not grow.
    writer.submit([](Database&) -> Result<void> { return {}; }, count, Admission::when_room);
    EXPECT_EQ(busy.load(), 1);
    EXPECT_EQ(writer.queued(), 4u);
    // The server's own write (an incident, a summary) still queues.
    writer.submit([](Database&) -> Result<void> { return {}; }, count);
    EXPECT_EQ(writer.queued(), 5u);
    release.set_value();
    writer.stop();
    EXPECT_EQ(ok.load(), 6);
    EXPECT_EQ(busy.load(), 1);
    EXPECT_EQ(writer.refused_busy(), 1u);
}

TEST_F(WriterTest, CoroutinesResumeOnTheirOwnExecutor) {
    boost::asio::io_context io;
    std::optional<Result<Petition>> result;
    std::thread::id resumed_on;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            result = co_await writer_->write<Petition>(
                [](Database& db) { return insert_petition(db, draft("from-coroutine"), 1); });
            resumed_on = std::this_thread::get_id();
        },
        boost::asio::detached);
    io.run();
    ASSERT_TRUE(result && result->ok());
    EXPECT_EQ((*result)->slug, "from-coroutine");
    EXPECT_EQ(resumed_on, std::this_thread::get_id());
}

TEST(PetitionRepository, DuplicateSlugIsAClearError) {
    TempDir dir;
    auto db = open_db(dir.path() / "p.db");
    ASSERT_TRUE(migrate(*db).ok());
    ASSERT_TRUE(insert_petition(*db, draft("same"), 1).ok());
    const auto again = insert_petition(*db, draft("same"), 2);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, PetitionError::slug_taken);
    EXPECT_NE(again.error().detail.find("'same'"), std::string::npos);
}

TEST(PetitionRepository, ListsNewestFirstAndFindsBySlug) {
    TempDir dir;
    auto db = open_db(dir.path() / "p.db");
    ASSERT_TRUE(migrate(*db).ok());
    ASSERT_TRUE(insert_petition(*db, draft("old"), 100).ok());
    auto no_goal = draft("new");
    no_goal.goal.reset();
    ASSERT_TRUE(insert_petition(*db, no_goal, 200).ok());
    const auto all = list_petitions(*db);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].slug, "new");
    EXPECT_FALSE(all[0].goal.has_value());
    EXPECT_EQ(all[1].goal, 100);
    EXPECT_EQ(find_petition(*db, "old")->title, "Titre");
    EXPECT_FALSE(find_petition(*db, "none").has_value());
    ASSERT_TRUE(set_petition_state(*db, "old", PetitionState::closed, 300).ok());
    EXPECT_EQ(find_petition(*db, "old")->state, PetitionState::closed);
    EXPECT_EQ(set_petition_state(*db, "none", PetitionState::closed, 300).error().code,
              PetitionError::not_found);
}

TEST(Store, ReadersSeeCommittedWritesAndDataVersionMoves) {
    TempDir dir;
    store::StorageSettings config;
    config.data_dir = dir.path() / "data";
    // One reader: data_version is per connection, so both reads must share one.
    auto store = open_store(config, 1);
    ASSERT_TRUE(store.ok()) << store.error().detail;
    EXPECT_EQ(
        std::filesystem::status(config.data_dir).permissions() & std::filesystem::perms::others_all,
        std::filesystem::perms::none);
    auto& s = **store;
    const auto before =
        s.readers().read_now<std::int64_t>([](Database& db) { return db.data_version(); });
    ASSERT_TRUE(
        s.writer()
            .write_now<Petition>([](Database& db) { return insert_petition(db, draft("seen"), 1); })
            .ok());
    const auto after =
        s.readers().read_now<std::int64_t>([](Database& db) { return db.data_version(); });
    const auto listed = s.readers().read_now<std::vector<Petition>>(
        [](Database& db) { return list_petitions(db); });
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_NE(before, after);
    s.close();
}

TEST(Store, ADataFolderThatCannotBeCreatedIsAClearError) {
    store::StorageSettings config;
    config.data_dir = "/proc/rempart-cannot-be-here";
    const auto store = open_store(config, 1);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().detail.find("/proc/rempart-cannot-be-here"), std::string::npos);
}

}  // namespace
}  // namespace rempart::store
