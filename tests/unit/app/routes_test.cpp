// Tests for app/routes: the router `rempart serve` runs, built the same way, and the class
// each of its routes was registered with (what the gate and the shedder may touch).
#include "app/routes.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "app/shield_setup.hpp"
#include "server/dispatch.hpp"
#include "signatures/disposable_domains.hpp"

namespace rempart::app {
namespace {

using http::Priority;
using http::RouteClass;
using http::TrafficFamily;

class TempDir {
  public:
    TempDir() {
        char pattern[] = "/tmp/rempart-routes-test.XXXXXX";
        path_ = ::mkdtemp(pattern);
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

template <typename T>
T ok(Result<T> result) {
    if (!result) throw std::runtime_error(result.error().detail);
    return std::move(*result);
}

Config config_in(const std::filesystem::path& dir) {
    Config config;
    config.storage.data_dir = dir;
    return config;
}

// What `rempart serve` builds before its router, with the defaults of an empty config and
// no detection (the routes are the same with it).
struct Server {
    TempDir dir;
    Config config = config_in(dir.path());
    std::unique_ptr<store::Store> store = ok(store::open_store(config.storage, 1));
    Catalog catalog;
    std::unique_ptr<web::Site> site =
        ok(web::Site::create({config.server, config.site, config.mail, config.admin}, catalog));
    std::string secret = std::string(32, 's');
    shield::ProofOfWork proof_of_work{secret};
    shield::Difficulty difficulty{config.shield.pow_max_number};
    metrics::Registry metrics;
    shield::AsnTable asn_table;
    shield::SigningLimits signing_limits{config.shield.sign_limits};
    signatures::DisposableDomains disposable =
        ok(signatures::DisposableDomains::load("[]", "[]", {}, {}));
    web::SigningServices signing{*site,
                                 *store,
                                 proof_of_work,
                                 difficulty,
                                 signing_limits,
                                 asn_table,
                                 disposable,
                                 nullptr,
                                 secret,
                                 {},
                                 nullptr,
                                 nullptr,
                                 {config.shield.mails_per_mailbox_per_day, false}};
    std::unique_ptr<admin::AdminPages> admin_pages =
        ok(admin::AdminPages::load(site->messages(), site->assets(), site->live_settings()));
    admin::PasswordPool password_pool{1, 4};
    admin::LoginLimits login_limits{config.admin};
    admin::AdminServices admin{*site, *store, password_pool, *admin_pages, login_limits, {}};
    admin::IncidentServices incidents{admin, nullptr, asn_table};
    ShieldSetup shield = set_up_shield(config, secret, &asn_table, store->readers(), *site);
    web::GateServices gate{*site,       *shield.gate_page,    proof_of_work, *shield.front_door,
                           config.gate, *shield.spent_tickets};
    admin::ShieldServices shield_services{admin, *shield.front_door};
    web::ProposalServices proposals{signing, config.submissions};
    admin::ModerationServices moderation{admin, config.submissions, secret};
    http::Router router =
        server_routes({config, catalog, *site, *store, proof_of_work, difficulty, metrics, signing,
                       admin, incidents, gate, shield_services, proposals, moderation},
                      ok(ops::MetricsReaders::create(config.metrics)));
};

class ServerRoutes : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { server_ = new Server; }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }

    static const std::vector<http::Route>& routes() { return server_->router.routes(); }

    // The class of the route registered under `name`; fails the test when there is none,
    // or more than one.
    static RouteClass class_of(std::string_view name) {
        const http::Route* found = nullptr;
        std::size_t count = 0;
        for (const auto& route : routes())
            if (route.name == name) {
                found = &route;
                ++count;
            }
        EXPECT_EQ(count, 1u) << name;
        if (found == nullptr) throw std::runtime_error("no route " + std::string(name));
        return found->route_class;
    }

    static inline Server* server_ = nullptr;
};

TEST_F(ServerRoutes, SigningConfirmingHealthAndStaticFilesAreNeverGatedNorShed) {
    for (const auto* name :
         {"sign", "signature_link", "signature_confirm", "signature_withdraw", "healthz", "metrics",
          "static", "robots", "altcha_challenge", "gate_challenge", "gate_pass", "gate_wait"}) {
        const auto route = class_of(name);
        EXPECT_FALSE(route.gated) << name;
        EXPECT_EQ(route.priority, Priority::critical) << name;
    }
    // Health checks and assets are not even counted against a client's limits.
    EXPECT_EQ(class_of("healthz").family, TrafficFamily::none);
    EXPECT_EQ(class_of("static").family, TrafficFamily::none);
    // Posts to a signing form have a family of their own, apart from reading.
    EXPECT_EQ(class_of("sign").family, TrafficFamily::sign);
}

TEST_F(ServerRoutes, PublicPagesAreGatedAndNeverShedSearchIsShedFirst) {
    for (const auto* name : {"home", "petition", "privacy", "terms", "sign_thanks"}) {
        EXPECT_TRUE(class_of(name).gated) << name;
        EXPECT_EQ(class_of(name).priority, Priority::high) << name;
    }
    // A path no route matches meets the shield as a public page.
    EXPECT_TRUE(server::unrouted_class.gated);
    EXPECT_EQ(server::unrouted_class.priority, Priority::high);
    EXPECT_EQ(class_of("search").priority, Priority::low);
    EXPECT_TRUE(class_of("search").gated);
}

TEST_F(ServerRoutes, TheApiIsLimitedApartAndNeverGated) {
    for (const auto* name : {"api_petitions", "api_petition"}) {
        EXPECT_FALSE(class_of(name).gated) << name;
        EXPECT_EQ(class_of(name).family, TrafficFamily::api) << name;
        EXPECT_EQ(class_of(name).priority, Priority::normal) << name;
    }
}

TEST_F(ServerRoutes, TheBackOfficeStaysReachableToWhoeverTurnsTheGateOff) {
    for (const auto* name : {"admin_login", "admin_home", "admin_shield", "admin_shield_mode"}) {
        EXPECT_FALSE(class_of(name).gated) << name;
        EXPECT_EQ(class_of(name).priority, Priority::high) << name;
    }
    // Every page under /admin, not only those named above.
    std::size_t back_office = 0;
    for (const auto& route : routes()) {
        if (!route.pattern.starts_with("/admin")) continue;
        ++back_office;
        EXPECT_EQ(route.route_class, admin::back_office_route) << route.name;
    }
    EXPECT_GE(back_office, 4u);
}

TEST_F(ServerRoutes, EveryRouteHasItsOwnName) {
    // Metrics and logs tell routes apart by name; the pipeline's own "unrouted" is no route.
    ASSERT_FALSE(routes().empty());
    std::set<std::string_view> names;
    for (const auto& route : routes()) {
        EXPECT_TRUE(names.insert(route.name).second) << route.name;
        EXPECT_NE(route.name, "unrouted");
    }
}

}  // namespace
}  // namespace rempart::app
