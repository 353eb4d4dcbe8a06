// What the tests of proposals share: a server that takes them, a moderator, a second one
// and an organiser logged in, and the steps of an author and a moderator.
#pragma once

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {

using testing::contains;

// The {base_url}/p/{token} link of an author's mail, or empty.
inline std::string author_link(const std::string& raw_message) {
    const auto body = decoded_body(raw_message);
    const auto at = body.find("/p/");
    if (at == std::string::npos) return {};
    auto end = at + 3;
    while (end < body.size() && (std::isalnum(static_cast<unsigned char>(body[end])) ||
                                 body[end] == '-' || body[end] == '_'))
        ++end;
    return body.substr(at, end - at);
}

inline Fields proposal(std::uint16_t port, const std::string& title, const std::string& email,
                       const Fields& extra = {}) {
    Fields fields{{"title", title},
                  {"summary", "Un résumé de la demande."},
                  {"text", "Le texte, avec des **faits**.\n\n- un\n- deux\n"},
                  {"goal", "500"},
                  {"target_name", "Le maire de Lyon"},
                  {"author_name", "Camille Martin"},
                  {"author_email", email},
                  {"accept_terms", "1"},
                  {"altcha", solve_altcha(port, "~propose")}};
    for (const auto& [name, value] : extra) {
        bool replaced = false;
        for (auto& field : fields)
            if (field.first == name) field.second = value, replaced = true;
        if (!replaced) fields.emplace_back(name, value);
    }
    return fields;
}

class Proposals : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto moderator_once = add_account(server_, "mo@example.org", "moderator");
        const auto second_once = add_account(server_, "max@example.org", "moderator");
        const auto organiser_once = add_account(server_, "olga@example.org", "organiser");
        server_.start();
        ASSERT_EQ(moderator_.first_log_in("mo@example.org", moderator_once, chosen_password).status,
                  303u);
        ASSERT_EQ(second_.first_log_in("max@example.org", second_once, chosen_password).status,
                  303u);
        ASSERT_EQ(
            organiser_.first_log_in("olga@example.org", organiser_once, chosen_password).status,
            303u);
    }

    std::filesystem::path maildir() const { return server_.dir() / "data" / "mail"; }

    // Proposes, and returns the author's link from the mail (the `nth` mail of the Maildir).
    std::string propose_and_read_link(const std::string& title, const std::string& email,
                                      std::size_t nth) {
        const auto sent =
            post_form(server_.port(), "/propose", proposal(server_.port(), title, email));
        EXPECT_EQ(sent.status, 303u) << sent.body;
        EXPECT_EQ(sent.header("location"), "/propose/sent");
        const auto mails = wait_for_mails(maildir(), nth);
        if (mails.size() < nth) return {};
        EXPECT_TRUE(contains(mails[nth - 1], "To: " + email));
        return author_link(mails[nth - 1]);
    }

    // Proposes and confirms: the proposal waits in the queue; its id and the author's link.
    std::pair<std::string, std::string> waiting_proposal(const std::string& title,
                                                         const std::string& email,
                                                         std::size_t nth) {
        const auto link = propose_and_read_link(title, email, nth);
        const auto confirmed = post_form(server_.port(), link + "/confirm", {});
        EXPECT_EQ(confirmed.status, 303u) << confirmed.body;
        const auto id =
            store_value(server_, "SELECT id FROM petitions WHERE title = '" + title + "'");
        return {id, link};
    }

    HttpResponse step(AdminBrowser& who, const std::string& id, const std::string& name,
                      Fields fields = {}) {
        fields.insert(fields.begin(), {"csrf", who.csrf_of("/admin/moderation/" + id)});
        return who.post("/admin/moderation/" + id + "/" + name, fields);
    }

    HttpResponse public_page(const std::string& slug) {
        return http_get(server_.port(), "/petitions/" + slug, {{"Accept-Language", "en"}});
    }

    // The catalog follows the store within a second or two.
    HttpResponse wait_for_status(const std::string& slug, unsigned status) {
        HttpResponse page;
        for (int i = 0; i < 100; ++i) {
            page = public_page(slug);
            if (page.status == status) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return page;
    }

    ServerProcess server_{"[submissions]\nopen = true\n"};
    AdminBrowser moderator_{server_.port()};
    AdminBrowser second_{server_.port()};
    AdminBrowser organiser_{server_.port()};
};

}  // namespace rempart::testing
