#!/usr/bin/env python3
"""bench/moderation: fills a migrated store with a year of proposals, straight into SQLite.

Usage: seed.py DB WAITING PUBLISHED MODERATOR_ID QUERIES_FILE [SEED]

Writes, in one transaction: WAITING proposals in the moderation queue (confirmed, waiting
since up to 30 days, a few held, flagged, sent back once, or with the automatic checks'
flags), a few hundred still unconfirmed, PUBLISHED petitions (most of them proposals decided
in the last 60 days, with their lags, signatures and a few open reports), and a few hundred
rejected ones. Titles and summaries are French sentences built from word lists, so that the
FTS5 index (`petition_words`, filled by its triggers with the public petitions) holds real
words in real numbers.
Then writes to QUERIES_FILE the titles a visitor would be half-way through typing, one a
line: new titles, titles of published petitions (the duplicates the search is for), a word
or two. The same SEED gives the same store and the same queries.
"""
import json
import random
import sqlite3
import sys
import time
import unicodedata

SUBJECTS = [
    "la piscine municipale", "l'école primaire", "la bibliothèque", "la gare", "l'hôpital",
    "la maternité", "le bureau de poste", "le marché couvert", "le parc", "la forêt",
    "la piste cyclable", "la ligne de bus", "la cantine", "le collège", "le lycée",
    "la médiathèque", "le centre de santé", "les urgences", "le cinéma", "le théâtre",
    "le stade", "le gymnase", "la salle des fêtes", "le jardin partagé", "la crèche",
    "le conservatoire", "la patinoire", "le musée", "le pont", "la halle",
    "le terrain de basket", "le skatepark", "la zone humide", "les platanes", "le bois",
    "la rivière", "le canal", "la plage", "le port", "la passerelle", "le tramway",
    "la ligne de train", "le centre social", "la maison de quartier", "l'Ehpad",
    "le refuge pour animaux", "les toilettes publiques", "la fontaine", "le lavoir",
    "le moulin", "la chapelle", "le kiosque", "la place du marché", "le square",
]
PROJECTS = [
    "le parking", "le centre commercial", "l'entrepôt logistique", "la rocade",
    "l'incinérateur", "le data center", "le lotissement", "le golf", "les éoliennes géantes",
    "la carrière", "le bétonnage des berges", "la mégabassine", "l'autoroute", "l'aéroport",
    "la zone d'activités", "l'antenne relais",
]
WISHES = [
    "pistes cyclables", "bancs", "arbres", "fontaines à eau", "poubelles de tri",
    "passages piétons", "ralentisseurs", "places en crèche", "médecins", "bus le dimanche",
    "trains le soir", "cours d'école ombragées", "repas végétariens", "toilettes publiques",
    "lampadaires allumés la nuit", "contrôles de vitesse", "jardins partagés", "composteurs",
]
CITIES = [
    "Lyon", "Villeurbanne", "Marseille", "Toulouse", "Nantes", "Rennes", "Brest", "Lille",
    "Roubaix", "Amiens", "Rouen", "Caen", "Le Havre", "Strasbourg", "Metz", "Nancy", "Dijon",
    "Besançon", "Grenoble", "Chambéry", "Annecy", "Saint-Étienne", "Clermont-Ferrand",
    "Limoges", "Poitiers", "Angers", "Tours", "Orléans", "Bourges", "Nîmes", "Montpellier",
    "Perpignan", "Béziers", "Avignon", "Aix-en-Provence", "Toulon", "Nice", "Ajaccio",
    "Bastia", "Pau", "Bayonne", "Bordeaux", "Périgueux", "Agen", "Albi", "Rodez", "Aurillac",
    "Le Puy-en-Velay", "Valence", "Montélimar", "Quimper", "Lorient", "Vannes", "Saint-Brieuc",
    "Laval", "Le Mans", "Évreux", "Beauvais", "Compiègne", "Reims", "Troyes", "Épinal",
    "Colmar", "Mulhouse", "Belfort", "Mâcon", "Nevers", "Auxerre", "Chartres", "Blois",
    "Niort", "La Rochelle", "Angoulême", "Brive-la-Gaillarde", "Tulle", "Guéret", "Mende",
    "Digne-les-Bains", "Gap", "Briançon", "Cayenne", "Saint-Denis", "Fort-de-France",
    "Pointe-à-Pitre", "Bagnolet", "Montreuil", "Saint-Ouen", "Ivry-sur-Seine", "Nanterre",
]
STREETS = [
    "rue de la République", "avenue Jean-Jaurès", "boulevard Victor-Hugo", "rue Pasteur",
    "place de la Mairie", "rue Gambetta", "avenue de la Gare", "rue des Écoles",
    "quai des Bateliers", "chemin des Vignes", "rue du Moulin", "route de Paris",
    "rue Émile-Zola", "cours Lafayette", "rue Jules-Ferry", "allée des Tilleuls",
    "rue de l'Église", "place du 8-Mai", "rue Voltaire", "avenue Pierre-Brossolette",
]
DISTRICTS = [
    "Saint-Michel", "les Minimes", "la Croix-Rousse", "Bellevue", "les Capucins", "le Vieux-Port",
    "la Guillotière", "Belleville", "les Chartrons", "Saint-Cyprien", "Bois-Blancs", "Wazemmes",
    "le Mirail", "la Duchère", "les Trois-Cités", "Bourtzwiller", "le Neudorf", "la Source",
]
TARGETS = [
    "le maire", "le conseil municipal", "le conseil départemental", "la présidente de la région",
    "le préfet", "la ministre de la Santé", "le ministre de l'Éducation nationale",
    "le ministre des Transports", "la rectrice", "l'agence régionale de santé",
    "le président de la métropole", "la SNCF",
]
REASONS = [
    "Des centaines de familles en dépendent chaque jour.",
    "C'est le seul service de ce genre à moins de trente kilomètres.",
    "Les enfants du quartier n'ont pas d'autre endroit où aller.",
    "La décision a été prise sans aucune concertation avec les habitants.",
    "Le bâtiment se dégrade depuis des années faute d'entretien.",
    "Les personnes âgées et les personnes handicapées seront les premières touchées.",
    "Le projet détruirait des hectares de terres agricoles et de zones humides.",
    "Les accidents se multiplient et la circulation est devenue dangereuse.",
    "Les associations locales ont besoin d'un lieu pour se réunir.",
    "Le budget existe : il suffit d'une volonté politique.",
    "Plus de deux mille habitants ont déjà signé la pétition papier.",
    "La pollution de l'air dépasse les seuils d'alerte tous les étés.",
    "Les délais d'attente dépassent désormais six mois.",
    "Aucune solution de remplacement n'a été proposée.",
]
ASKS = [
    "Nous demandons {target} de revenir sur sa décision.",
    "Nous demandons {target} d'organiser une réunion publique avant toute décision.",
    "Nous demandons {target} de financer les travaux dès cette année.",
    "Nous demandons {target} un moratoire sur le projet.",
    "Nous demandons {target} de garantir l'ouverture toute l'année.",
    "Nous demandons {target} de consulter les habitants par référendum local.",
]
WATCHED = ["casino", "crypto", "viagra", "prêt rapide"]


def of(subject):
    """'la piscine' -> 'de la piscine', 'le parc' -> 'du parc', 'les x' -> 'des x'."""
    if subject.startswith("le "):
        return "du " + subject[3:]
    if subject.startswith("les "):
        return "des " + subject[4:]
    return "de " + subject


def to(subject):
    """'le parc' -> 'au parc', 'les x' -> 'aux x', 'la x' -> 'à la x'."""
    if subject.startswith("le "):
        return "au " + subject[3:]
    if subject.startswith("les "):
        return "aux " + subject[4:]
    return "à " + subject


def capital(text):
    return text[:1].upper() + text[1:]


def place(rng):
    city = rng.choice(CITIES)
    where = rng.random()
    if where < 0.45:
        return f"à {city}"
    if where < 0.75:
        return f"{rng.choice(STREETS)} à {city}"
    return f"dans le quartier {rng.choice(DISTRICTS)} à {city}"


def title(rng):
    subject = rng.choice(SUBJECTS)
    kind = rng.randrange(10)
    if kind == 0:
        return f"Sauvons {subject} {place(rng)}"
    if kind == 1:
        return f"Non à la fermeture {of(subject)} {place(rng)}"
    if kind == 2:
        return f"Rénovation {of(subject)} {place(rng)}"
    if kind == 3:
        return f"Rouvrez {subject} {place(rng)}"
    if kind == 4:
        return f"Contre le projet {of(rng.choice(PROJECTS))} {place(rng)}"
    if kind == 5:
        return f"Plus de {rng.choice(WISHES)} {place(rng)}"
    if kind == 6:
        return f"Protégeons {subject} {place(rng)}"
    if kind == 7:
        return f"Pour des {rng.choice(WISHES)} {place(rng)}"
    if kind == 8:
        return f"Des horaires élargis pour {subject} {place(rng)}"
    return f"Non {to(rng.choice(PROJECTS))} {place(rng)}"


def summary(rng):
    target = to(rng.choice(TARGETS))
    return " ".join([rng.choice(REASONS), rng.choice(ASKS).format(target=target)])


def body(rng, heading, short):
    reasons = rng.sample(REASONS, 3)
    return (f"## {heading}\n\n{short}\n\n" + "\n".join(f"- {r}" for r in reasons) +
            "\n\nSignez et partagez autour de vous : chaque signature compte.\n")


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_text).split()
    return "-".join(words)[:60].rstrip("-")


def checks(rng, published_slugs):
    draw = rng.random()
    if draw < 0.85:
        return "[]"
    if draw < 0.92:
        n = rng.randint(4, 9)
        return json.dumps([{"kind": "links", "detail": f"{n} links", "values": [str(n)]}])
    if draw < 0.96:
        slug = rng.choice(published_slugs)
        return json.dumps([{"kind": "near_duplicate", "detail": f"looks like /petitions/{slug}",
                            "values": [slug]}])
    word = rng.choice(WATCHED)
    return json.dumps([{"kind": "watched_words", "detail": f"watched words: {word}",
                        "values": [word]}])


def half_typed(rng, text):
    """What the form sends while `text` is typed: cut anywhere past the first word."""
    first_space = text.find(" ")
    start = max(6, first_space + 2 if first_space > 0 else 6)
    if start >= len(text):
        return text
    return text[:rng.randint(start, len(text))].rstrip()


def main():
    db_path, waiting, published = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    moderator, queries_file = int(sys.argv[4]), sys.argv[5]
    rng = random.Random(int(sys.argv[6]) if len(sys.argv) > 6 else 2026)
    now = int(time.time())
    day = 86400
    unconfirmed, rejected, reports = 300, 300, 40

    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("BEGIN")
    next_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM petitions").fetchone()[0]) + 1
    used_slugs = set()

    def insert_petition(state, created_at, published_at=None):
        nonlocal next_id
        heading = title(rng)
        short = summary(rng)
        slug = slugify(heading)
        while slug in used_slugs:
            slug = f"{slugify(heading)}-{len(used_slugs)}"
        used_slugs.add(slug)
        petition_id = next_id
        next_id += 1
        db.execute(
            "INSERT INTO petitions (id, slug, title, summary, body_markdown, goal, state, "
            "created_at, updated_at, target_name, language, published_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fr', ?)",
            (petition_id, slug, heading, short, body(rng, heading, short),
             rng.choice([None, 1000, 5000, 10000, 50000]), state, created_at,
             published_at or created_at, capital(rng.choice(TARGETS)), published_at))
        return petition_id, slug, heading

    def insert_submission(petition_id, proposed_at, **columns):
        names = ["petition_id", "author_name", "author_email", "author_mailbox", "link_nonce",
                 "proposed_at"] + list(columns)
        email = f"auteur{petition_id}@exemple.fr"
        values = [petition_id, f"Auteur {petition_id}", email, email,
                  f"{rng.getrandbits(128):032x}", proposed_at] + list(columns.values())
        db.execute(f"INSERT INTO submissions ({', '.join(names)}) "
                   f"VALUES ({', '.join('?' * len(values))})", values)

    # Published petitions: three in four were proposals decided in the last 60 days.
    published_ids, published_titles, published_slugs = [], [], []
    for _ in range(published):
        created = now - rng.randint(0, 365 * day)
        decided = now - rng.randint(0, 60 * day)
        petition_id, slug, heading = insert_petition("published", min(created, decided), decided)
        published_ids.append(petition_id)
        published_titles.append(heading)
        published_slugs.append(slug)
        db.execute("INSERT INTO signature_counts (petition_id, state, count) VALUES (?, ?, ?)",
                   (petition_id, "confirmed", int(rng.paretovariate(1.2) * 40)))
        if rng.random() < 0.75:
            lag = rng.randint(3600, 14 * day)
            insert_submission(petition_id, decided - lag - 600, confirmed_at=decided - lag,
                              decided_at=decided, decided_by=moderator, lag=lag)
    for i in range(reports):
        db.execute("INSERT INTO petition_reports (petition_id, at, reason, network) "
                   "VALUES (?, ?, ?, ?)",
                   (rng.choice(published_ids), now - rng.randint(0, 5 * day),
                    "Cette pétition contient des propos diffamatoires.", f"203.0.113.{i % 250}"))

    # Rejected proposals and proposals their authors have not confirmed: not in the queue.
    for _ in range(rejected):
        decided = now - rng.randint(0, 60 * day)
        lag = rng.randint(3600, 14 * day)
        petition_id, _, _ = insert_petition("rejected", decided - lag - 600)
        insert_submission(petition_id, decided - lag - 600, confirmed_at=decided - lag,
                          decided_at=decided, decided_by=moderator, lag=lag, reason_id=2)
    for _ in range(unconfirmed):
        proposed = now - rng.randint(0, 7 * day)
        petition_id, _, _ = insert_petition("pending", proposed)
        insert_submission(petition_id, proposed)

    # The queue: waiting since up to 30 days.
    for i in range(waiting):
        since = now - rng.randint(60, 30 * day)
        proposed = since - rng.randint(60, day)
        petition_id, _, _ = insert_petition("pending", proposed)
        columns = {"confirmed_at": since, "waiting_since": since,
                   "checks": checks(rng, published_slugs)}
        if i % 20 == 0:  # sent back once, corrected, back in the queue
            columns.update(waited=rng.randint(3600, 5 * day), returned_at=since - 3600,
                           return_note="Merci de préciser à qui s'adresse la pétition.")
        if i % 500 == 0:
            columns.update(held_by=moderator, held_until=now + 1800)
        if i % 333 == 0:
            columns.update(flagged_by=moderator, flag_note="Un deuxième avis, s'il vous plaît.")
        insert_submission(petition_id, proposed, **columns)
    db.commit()

    # An external-content index counts its content table; its docsize table, what it holds.
    indexed = db.execute("SELECT COUNT(*) FROM petition_words_docsize").fetchone()[0]
    total = db.execute("SELECT COUNT(*) FROM petitions").fetchone()[0]
    public = db.execute(
        "SELECT COUNT(*) FROM petitions WHERE state IN ('published', 'closed')").fetchone()[0]
    queued = db.execute("SELECT COUNT(*) FROM submissions WHERE waiting_since IS NOT NULL "
                        "AND decided_at IS NULL").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    # The index holds the public petitions only: what a visitor may be suggested.
    if indexed != public or queued != waiting:
        sys.exit(f"seed.py: {public} public petitions but {indexed} in petition_words, "
                 f"{queued} waiting of {waiting}")

    # Half-typed titles: six in ten new ones, three in ten already published, and a word or two.
    with open(queries_file, "w", encoding="utf-8") as out:
        for _ in range(5000):
            draw = rng.random()
            if draw < 0.6:
                typed = half_typed(rng, title(rng))
            elif draw < 0.9:
                typed = half_typed(rng, rng.choice(published_titles))
            else:
                words = (rng.choice(SUBJECTS).split()[-1:] +
                         rng.sample([rng.choice(CITIES), rng.choice(WISHES)], 1))
                typed = " ".join(words)
            out.write(typed + "\n")
    print(f"{total} petitions ({waiting} waiting, {unconfirmed} unconfirmed, {published} "
          f"published, {rejected} rejected), {indexed} in petition_words")


if __name__ == "__main__":
    main()
