// What the store's tests share: a database of their own in a folder of their own, migrated
// to the newest schema unless a test migrates it itself, and a signature to record.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "signatures/signature.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace rempart::store::testing {

class TempStore : public ::testing::Test {
  protected:
    // A fixture with rows of its own calls this first from its SetUp.
    void SetUp() override { open(true); }
    void TearDown() override {
        db_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    // For the tests of migrations themselves: `migrated` false leaves the schema empty.
    // Migrated, it is a copy of a store this process migrated once: running every migration
    // for each of a hundred tests took most of their time under the sanitizers.
    void open(bool migrated) {
        char pattern[] = "/tmp/rempart-store-test.XXXXXX";
        ASSERT_NE(::mkdtemp(pattern), nullptr);
        dir_ = pattern;
        if (migrated) {
            const auto& migrated_file = migrated_template();
            ASSERT_FALSE(migrated_file.empty()) << "the store could not be migrated once";
            std::filesystem::copy_file(migrated_file, dir_ / "rempart.db");
        }
        auto opened = Database::open(dir_ / "rempart.db", Database::Mode::read_write);
        ASSERT_TRUE(opened.ok()) << opened.error().detail;
        db_ = std::move(*opened);
    }

    // The first column of the first row of `sql`, as text; empty when there is no row.
    std::string value(const std::string& sql) {
        auto& select = db_->prepare(sql);
        std::string text = select.step() ? select.column_text(0) : "";
        select.reset();
        return text;
    }

    std::filesystem::path dir_;
    std::unique_ptr<Database> db_;

  private:
    // A store migrated to the newest schema and closed, made at the first call; removed
    // when the process ends. Empty when it could not be made.
    static const std::filesystem::path& migrated_template() {
        struct Template {
            std::filesystem::path dir;
            std::filesystem::path file;
            Template() {
                char pattern[] = "/tmp/rempart-store-template.XXXXXX";
                if (::mkdtemp(pattern) == nullptr) return;
                dir = pattern;
                auto opened = Database::open(dir / "rempart.db", Database::Mode::read_write);
                if (!opened || !migrate(**opened).ok()) return;
                // Everything in the file itself, so that a copy of the file is the store.
                if (!(*opened)->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok()) return;
                opened->reset();
                file = dir / "rempart.db";
            }
            ~Template() {
                std::error_code ec;
                if (!dir.empty()) std::filesystem::remove_all(dir, ec);
            }
        };
        static const Template made;
        return made.file;
    }
};

// Marie Curie signing `petition` at `now` with `email` (its canonical form too), from
// 75005: what a test changes is set after.
inline signatures::NewSignature sample_signature(std::int64_t petition, const std::string& email,
                                                 std::int64_t now) {
    signatures::NewSignature s;
    s.petition_id = petition;
    s.name = "Marie Curie";
    s.name_normalised = "marie curie";
    s.email = email;
    s.email_canonical = email;
    s.email_domain = email.substr(email.find('@') + 1);
    s.postcode = "75005";
    s.region = "75";
    s.language = "fr";
    s.terms_version = "t1";
    s.privacy_version = "p1";
    s.ip = "192.0.2.1";
    s.now = now;
    return s;
}

}  // namespace rempart::store::testing
