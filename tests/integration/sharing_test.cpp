// Sharing a petition against the real server: the share section and link cards on its
// pages, a QR code that a real reader (zbarimg, from zbar-tools) reads back as the
// petition's address, and the share card that follows the count.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "client/http_client.hpp"
#include "support/child_process.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

class Sharing : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Des pistes & des vélos");
        server_.create_petition("parc", "Un parc au bout de la rue");
        server_.create_petition("vieux", "Une pétition d'avant");
        ASSERT_EQ(
            store_exec(server_, "UPDATE petitions SET state = 'archived' WHERE slug = 'vieux'"),
            "");
        server_.start();
        base_ = "http://127.0.0.1:" + std::to_string(server_.port());
    }
    ServerProcess server_;
    std::string base_;
};

// The width and height a PNG's header gives, or 0×0 when the bytes are not a PNG.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
    if (png.size() < 24 || png.substr(0, 8) != "\x89PNG\r\n\x1a\n" || png.substr(12, 4) != "IHDR")
        return {0, 0};
    const auto read32 = [&](std::size_t at) {
        unsigned value = 0;
        for (std::size_t i = 0; i < 4; ++i)
            value = value << 8 | static_cast<unsigned char>(png[at + i]);
        return value;
    };
    return {read32(16), read32(20)};
}

TEST_F(Sharing, TheQrCodeReadsBackAsThePetitionsAddress) {
    const auto png = http_get(server_.port(), "/petitions/velo/qr.png");
    ASSERT_EQ(png.status, 200u);
    EXPECT_EQ(png.header("Content-Type"), "image/png");
    EXPECT_EQ(png.header("Cache-Control"), "public, max-age=86400");
    const auto image = server_.dir() / "qr.png";
    std::ofstream(image, std::ios::binary) << png.body;
    const auto output = server_.dir() / "zbarimg.txt";
    ASSERT_EQ(
        run_child({"zbarimg", "--raw", "-q", image.string()}, output, std::chrono::seconds(30)), 0)
        << read_file(output);
    // zbarimg may say on stderr, which shares the file, that it found no D-Bus: the code's
    // text is its last line.
    auto text = read_file(output);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    EXPECT_EQ(text.substr(text.rfind('\n') + 1), base_ + "/petitions/velo") << text;

    const auto svg = http_get(server_.port(), "/petitions/velo/qr.svg");
    ASSERT_EQ(svg.status, 200u);
    EXPECT_EQ(svg.header("Content-Type"), "image/svg+xml");
    EXPECT_TRUE(svg.body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));

    // Asked again, the same bytes from memory; a client holding them gets 304.
    const auto again =
        http_get(server_.port(), "/petitions/velo/qr.png", {{"If-None-Match", png.header("ETag")}});
    EXPECT_EQ(again.status, 304u);
    EXPECT_EQ(http_get(server_.port(), "/petitions/nowhere/qr.png").status, 404u);
}

TEST_F(Sharing, ThePetitionAndThanksPagesOfferLinksAndNoThirdPartyLoads) {
    const auto page = http_get(server_.port(), "/petitions/velo", {{"Accept-Language", "en"}});
    ASSERT_EQ(page.status, 200u);
    const auto url = base_ + "/petitions/velo";
    EXPECT_NE(
        page.body.find("<input type=\"text\" id=\"share-url\" value=\"" + url + "\" readonly>"),
        std::string::npos);
    EXPECT_NE(page.body.find("<meta property=\"og:url\" content=\"" + url + "\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<meta property=\"og:title\" content=\"Des pistes &amp; des vélos\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<link rel=\"canonical\" href=\"" + url + "\">"), std::string::npos);
    // The title is percent-encoded into the links, never written raw into an address.
    EXPECT_NE(page.body.find("https://wa.me/?text=Des%20pistes%20%26%20des%20v%C3%A9los%20"),
              std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("href=\"/petitions/velo/qr.svg\" download"), std::string::npos);
    // Only our own scripts and styles: the share buttons are ours, the networks only links.
    std::size_t elements = 0;
    for (const auto* tag : {"<script", "<link rel=\"stylesheet\"", "<img"}) {
        for (auto at = page.body.find(tag); at != std::string::npos;
             at = page.body.find(tag, at + 1)) {
            const auto end = page.body.find('>', at);
            const auto element = page.body.substr(at, end - at);
            EXPECT_EQ(element.find("http"), std::string::npos) << element;
            ++elements;
        }
    }
    EXPECT_GE(elements, 5u);  // two stylesheets, the widget's scripts and share.js at least
    const auto thanks =
        http_get(server_.port(), "/petitions/velo/thanks", {{"Accept-Language", "en"}});
    EXPECT_NE(thanks.body.find("Share this petition"), std::string::npos);
    EXPECT_NE(thanks.body.find("/static/share."), std::string::npos);
}

TEST_F(Sharing, TheShareCardIsALargePictureOfEachPetition) {
    const auto card = http_get(server_.port(), "/petitions/velo/card.png");
    ASSERT_EQ(card.status, 200u);
    EXPECT_EQ(card.header("Content-Type"), "image/png");
    EXPECT_EQ(card.header("Cache-Control"), "public, max-age=10");
    EXPECT_EQ(png_size(card.body), std::make_pair(1200u, 630u));
    // From memory the second time, and 304 to a client that holds it.
    EXPECT_EQ(http_get(server_.port(), "/petitions/velo/card.png").body, card.body);
    const auto again = http_get(server_.port(), "/petitions/velo/card.png",
                                {{"If-None-Match", card.header("ETag")}});
    EXPECT_EQ(again.status, 304u);
    // Another petition, another picture.
    const auto other = http_get(server_.port(), "/petitions/parc/card.png");
    ASSERT_EQ(other.status, 200u);
    EXPECT_EQ(png_size(other.body), std::make_pair(1200u, 630u));
    EXPECT_NE(other.body, card.body);
    // An archived petition is not to be spread, and an unknown one has nothing to show.
    EXPECT_EQ(http_get(server_.port(), "/petitions/vieux/card.png").status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/petitions/nowhere/card.png").status, 404u);
}

TEST_F(Sharing, ThePetitionPageGivesItsCardToTheNetworks) {
    const auto page = http_get(server_.port(), "/petitions/velo");
    ASSERT_EQ(page.status, 200u);
    const auto image = base_ + "/petitions/velo/card.png";
    EXPECT_NE(page.body.find("<meta property=\"og:image\" content=\"" + image + "\">"),
              std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("<meta name=\"twitter:image\" content=\"" + image + "\">"),
              std::string::npos);
    EXPECT_NE(page.body.find("<meta name=\"twitter:card\" content=\"summary_large_image\">"),
              std::string::npos);
    const auto archived = http_get(server_.port(), "/petitions/vieux");
    ASSERT_EQ(archived.status, 200u);
    EXPECT_EQ(archived.body.find("og:image"), std::string::npos);
    EXPECT_NE(archived.body.find("<meta name=\"twitter:card\" content=\"summary\">"),
              std::string::npos);
}

// The count moves every second on a petition going round: the page follows it at once, the
// card within seconds, and never draws itself again sooner than 10 s after the last time.
TEST_F(Sharing, TheCardFollowsTheCountWithinSeconds) {
    const auto drawn = std::chrono::steady_clock::now();
    const auto before = http_get(server_.port(), "/petitions/velo/card.png");
    ASSERT_EQ(before.status, 200u);
    ASSERT_EQ(store_exec(server_,
                         "INSERT INTO signature_counts (petition_id, state, count) "
                         "SELECT id, 'confirmed', 1234 FROM petitions WHERE slug = 'velo' "
                         "ON CONFLICT (petition_id, state) DO UPDATE SET count = excluded.count"),
              "");
    const auto page_shows_it = [&] {
        return http_get(server_.port(), "/petitions/velo", {{"Accept-Language", "en"}})
                   .body.find("1,234 signatures") != std::string::npos;
    };
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!page_shows_it() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(200ms);
    ASSERT_TRUE(page_shows_it());
    std::string after;
    deadline = std::chrono::steady_clock::now() + 30s;
    while (std::chrono::steady_clock::now() < deadline) {
        after = http_get(server_.port(), "/petitions/velo/card.png").body;
        if (after != before.body) break;
        std::this_thread::sleep_for(500ms);
    }
    const auto changed_after = std::chrono::steady_clock::now() - drawn;
    EXPECT_NE(after, before.body);
    EXPECT_EQ(png_size(after), std::make_pair(1200u, 630u));
    EXPECT_GE(changed_after, 10s);
}

}  // namespace
}  // namespace rempart::testing
