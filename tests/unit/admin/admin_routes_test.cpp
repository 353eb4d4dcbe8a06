// Tests for the back office's pure parts: where login may lead, cookie flags, the pool, pages.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <future>
#include <regex>

#include "admin/admin_pages.hpp"
#include "admin/admin_routes.hpp"
#include "admin/password_pool.hpp"
#include "admin/session_cookie.hpp"
#include "render/i18n.hpp"
#include "render/static_assets.hpp"

namespace rempart::admin {
namespace {

namespace asio = boost::asio;

TEST(AdminNext, OnlyLocalPathsUnderAdmin) {
    EXPECT_EQ(safe_admin_next("/admin/users"), "/admin/users");
    EXPECT_EQ(safe_admin_next("/admin"), "/admin");
    EXPECT_EQ(safe_admin_next("/admin?x=1"), "/admin?x=1");
    for (const char* bad :
         {"", "/", "https://evil.example/admin", "//evil.example/admin", "/admin//evil.example",
          "/adminx", "/admin/\\evil", "/admin/\r\nX: y", "/petitions/x"})
        EXPECT_EQ(safe_admin_next(bad), "/admin") << bad;
}

TEST(AdminCookie, StrictHttpOnlyAndSecureWithHostPrefixOverHttps) {
    const http::CookiePolicy plain("http://127.0.0.1:8080", false);
    const http::CookiePolicy https("https://petitions.example.org", false);
    EXPECT_EQ(session_cookie_name(plain.secure()), "rempart_admin");
    EXPECT_EQ(session_cookie_name(https.secure()), "__Host-rempart_admin");
    EXPECT_EQ(set_admin_cookie(plain, "rempart_admin", "v"),
              "rempart_admin=v; Path=/; HttpOnly; SameSite=Strict");
    EXPECT_EQ(set_admin_cookie(https, "__Host-rempart_admin", "v"),
              "__Host-rempart_admin=v; Path=/; HttpOnly; Secure; SameSite=Strict");
    EXPECT_EQ(clear_admin_cookie(plain, "rempart_admin"),
              "rempart_admin=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    EXPECT_EQ(clear_admin_cookie(https, "__Host-rempart_admin"),
              "__Host-rempart_admin=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
}

TEST(PasswordPool, RunsWorkOffTheCallersThreadAndResumesOnIt) {
    PasswordPool pool(1, 4);
    asio::io_context io;
    std::optional<std::thread::id> ran_on;
    std::optional<int> value;
    std::thread::id resumed_on;
    std::function<int()> work = [&ran_on] {
        ran_on = std::this_thread::get_id();
        return 42;
    };
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            value = *co_await pool.run<int>(std::move(work));
            resumed_on = std::this_thread::get_id();
        },
        asio::detached);
    io.run();
    EXPECT_EQ(value, 42);
    EXPECT_NE(ran_on, std::this_thread::get_id());
    EXPECT_EQ(resumed_on, std::this_thread::get_id());
}

TEST(PasswordPool, RefusesPastItsQueueInsteadOfWaiting) {
    PasswordPool pool(1, 2);
    std::promise<void> release;
    auto gate = release.get_future().share();
    std::atomic<int> done{0};
    // One running, two queued: the fourth is refused at once.
    EXPECT_TRUE(pool.try_post([gate, &done] {
        gate.wait();
        ++done;
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_TRUE(pool.try_post([&done] { ++done; }));
    EXPECT_TRUE(pool.try_post([&done] { ++done; }));
    EXPECT_FALSE(pool.try_post([&done] { ++done; }));
    asio::io_context io;
    std::optional<std::optional<int>> refused;
    std::function<int()> work = [] { return 1; };
    asio::co_spawn(
        io, [&]() -> asio::awaitable<void> { refused = co_await pool.run<int>(std::move(work)); },
        asio::detached);
    io.run();
    ASSERT_TRUE(refused);
    EXPECT_FALSE(*refused);
    release.set_value();
    pool.stop();
    EXPECT_EQ(done, 3);
}

class AdminPagesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto messages = render::Messages::load();
        ASSERT_TRUE(messages.ok());
        messages_ = std::move(*messages);
        assets_ = render::StaticAssets::load();
        auto pages = AdminPages::load(*messages_, *assets_, settings_);
        ASSERT_TRUE(pages.ok()) << pages.error().detail;
        pages_ = std::move(*pages);
    }
    web::LiveSettings settings_{{}, {}};
    std::unique_ptr<render::Messages> messages_;
    std::unique_ptr<render::StaticAssets> assets_;
    std::unique_ptr<AdminPages> pages_;
};

TEST_F(AdminPagesTest, EveryPageRendersInBothLanguagesWithoutMissingWords) {
    PageFrame frame;
    frame.title_key = "admin.home_title";
    frame.viewer = PageViewer{"ana@example.org", accounts::Role::admin, "tok"};
    for (const auto language : render::all_languages) {
        for (const char* page : {"login", "password", "home", "users", "notice", "settings"}) {
            const auto html = pages_->render(page, language, frame);
            EXPECT_EQ(html.find("admin."), std::string::npos) << page;  // a key shown raw
            EXPECT_NE(html.find("<meta name=\"robots\" content=\"noindex"), std::string::npos);
            EXPECT_EQ(html.find("<script"), std::string::npos) << page;
            EXPECT_EQ(html.find("style="), std::string::npos) << page;
            EXPECT_NE(html.find("lang=\"" + std::string(render::code(language)) + "\""),
                      std::string::npos);
        }
    }
}

TEST_F(AdminPagesTest, EveryFormCarriesTheCsrfToken) {
    PageFrame frame;
    frame.title_key = "admin.password_title";
    frame.viewer = PageViewer{"ana@example.org", accounts::Role::moderator, "the-token"};
    PageData data;
    data.set("csrf", std::string("the-token"));
    for (const char* page : {"login", "password", "home"}) {
        const auto html = pages_->render(page, render::Language::en, frame, data);
        const std::regex form("<form");
        const std::regex token("<input type=\"hidden\" name=\"csrf\" value=\"the-token\">");
        const auto forms = std::distance(std::sregex_iterator(html.begin(), html.end(), form), {});
        const auto tokens =
            std::distance(std::sregex_iterator(html.begin(), html.end(), token), {});
        EXPECT_GT(forms, 0) << page;
        EXPECT_EQ(forms, tokens) << page;
    }
}

TEST_F(AdminPagesTest, UserTextIsEscaped) {
    PageFrame frame;
    frame.title_key = "admin.home_title";
    frame.viewer = PageViewer{"<script>alert(1)</script>@example.org", accounts::Role::admin, "t"};
    PageData data;
    data.set("form_email", std::string("\"><img src=x onerror=alert(1)>"));
    const auto home = pages_->render("home", render::Language::fr, frame);
    EXPECT_EQ(home.find("<script>alert"), std::string::npos);
    EXPECT_NE(home.find("&lt;script&gt;"), std::string::npos);
    const auto login = pages_->render("login", render::Language::fr, frame, data);
    EXPECT_EQ(login.find("<img"), std::string::npos);
}

TEST_F(AdminPagesTest, ModeratorsSeeNoLinkToAdminOnlyPages) {
    PageFrame frame;
    frame.title_key = "admin.home_title";
    frame.viewer = PageViewer{"mo@example.org", accounts::Role::moderator, "t"};
    EXPECT_EQ(pages_->render("home", render::Language::en, frame).find("/admin/users"),
              std::string::npos);
    frame.viewer->role = accounts::Role::admin;
    EXPECT_NE(pages_->render("home", render::Language::en, frame).find("/admin/users"),
              std::string::npos);
}

}  // namespace
}  // namespace rempart::admin
