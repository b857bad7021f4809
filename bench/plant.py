#!/usr/bin/env python3
"""Plant MT and scraper artefacts into clean human news and measure what mtlint finds.

A blind, reusable recall/precision benchmark. Clean human-written articles are read
from a folder (never copied into the repository); copies with artefacts planted at
known places are written to a temporary folder as plain text, Markdown and HTML
(some plain text files with CRLF line ends or a BOM), and `mtlint check --format json`
is run on the planted copies, on the same copies rendered without artefacts, and on
the clean originals.

Planted kinds (each in several variants and positions):
  place         outdated place names (Kiev, Kharkov's, Kharkov-based, KIEV in caps, Bombay …)
  garbled       garbled quotations ("[This] A may be required [military] Being …")
  doubled       doubled words ("the the", also across a line break)
  punct         source-language punctuation (« », „ “, ‹ ›, a space before ? ! : ;)
  number        source-locale numbers (1,5 million, 3,5%, 1.000.000, 5 %)
  homoglyph     Latin words with a Cyrillic or Greek lookalike letter
  untranslated  sentences and parentheses left in uk, ru, de, fr, es
  mojibake      UTF-8 read as Windows-1252 (donâ€™t, Ã©, Å¡ …)
  markup        leaked entities, tags and template placeholders (&quot; <br> {0} %1$s)
  boilerplate   comment forms, share widgets, newsletter and cookie prompts,
                "See also" lines, headline suffixes, "Advertisement"
  names         names of people in the news without their diacritics
and "decoys": legitimate look-alikes (had had, 1,500, chicken Kiev, [W]e …) that must
not be reported; a finding on a decoy is a false positive.

Every planted span is recorded (file, offset, length in code points as mtlint counts
them, kind, variant). A finding matches an artefact when their spans overlap.

Usage (from the repository root):
    python bench/plant.py                         # ../shared/corpus/dev/human
    python bench/plant.py FOLDER --seed 7 --per-file 10
    python bench/plant.py --keep /tmp/planted     # keep the planted files and plants.json
    python bench/plant.py --json report.json      # also write the figures and lists as JSON
    python bench/plant.py -- --disable Names      # options after -- go to mtlint check

Reported: recall per kind and variant (any level, and warning or error only),
overall recall, precision on the planted files (findings overlapping an artefact /
all findings, with findings already present in the artefact-free rendering counted
apart), findings on decoys, warnings+errors per 1000 words on the clean originals,
findings whose `match` is not the file's text at their span, then every missed
artefact (kind, planted text, context) and every unmatched finding (rule, match,
context). Standard library only.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "human"
EXTENSIONS = {".txt", ".md", ".markdown", ".html", ".htm"}
NBSP, NNBSP = "\u00a0", "\u202f"

# --------------------------------------------------------------------------------------
# Material. Everything here is written for this benchmark (no corpus text).
# --------------------------------------------------------------------------------------

UA_PLACES = [  # outdated (Russian-derived) spelling -> current
    ("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"), ("Nikolaev", "Mykolaiv"),
    ("Nikolayev", "Mykolaiv"), ("Lugansk", "Luhansk"), ("Zaporozhye", "Zaporizhzhia"),
    ("Dnepropetrovsk", "Dnipro"), ("Chernigov", "Chernihiv"), ("Rovno", "Rivne"),
    ("Artemovsk", "Bakhmut"), ("Lvov", "Lviv"), ("Zhitomir", "Zhytomyr"), ("Vinnitsa", "Vinnytsia"),
    ("Krivoi Rog", "Kryvyi Rih"), ("Kirovograd", "Kropyvnytskyi"), ("Ivano-Frankovsk", "Ivano-Frankivsk"),
    ("Ternopol", "Ternopil"), ("Uzhgorod", "Uzhhorod"), ("Chernovtsy", "Chernivtsi"),
    ("Cherkassy", "Cherkasy"), ("Severodonetsk", "Sievierodonetsk"), ("Lisichansk", "Lysychansk"),
    ("Slavyansk", "Sloviansk"), ("Gorlovka", "Horlivka"), ("Makeyevka", "Makiivka"),
    ("Berdyansk", "Berdiansk"), ("Energodar", "Enerhodar"), ("Kremenchug", "Kremenchuk"),
    ("Borispol", "Boryspil"), ("Gostomel", "Hostomel"), ("Irpen", "Irpin"), ("Avdeyevka", "Avdiivka"),
    ("Ugledar", "Vuhledar"), ("Volchansk", "Vovchansk"), ("Kupyansk", "Kupiansk"), ("Izyum", "Izium"),
    ("Khmelnitsky", "Khmelnytskyi"), ("Belaya Tserkov", "Bila Tserkva"), ("Donbass", "Donbas"),
]
WORLD_PLACES = [
    ("Bombay", "Mumbai"), ("Calcutta", "Kolkata"), ("Peking", "Beijing"), ("Rangoon", "Yangon"),
    ("Swaziland", "Eswatini"), ("Madras", "Chennai"), ("Bangalore", "Bengaluru"), ("Dacca", "Dhaka"),
    ("Poona", "Pune"), ("Kishinev", "Chisinau"), ("Alma-Ata", "Almaty"), ("Zaire", "DR Congo"),
    ("Burma", "Myanmar"), ("Saigon", "Ho Chi Minh City"), ("Ceylon", "Sri Lanka"), ("Benares", "Varanasi"),
]
# current form found in the corpus -> outdated form to put back
CORPUS_PLACE_SWAPS = {"Kyiv": "Kiev", "Kharkiv": "Kharkov", "Odesa": "Odessa", "Mykolaiv": "Nikolaev",
                      "Luhansk": "Lugansk", "Zaporizhzhia": "Zaporozhye", "Chernihiv": "Chernigov",
                      "Lviv": "Lvov", "Beijing": "Peking", "Mumbai": "Bombay", "Kolkata": "Calcutta",
                      "Chennai": "Madras", "Yangon": "Rangoon", "Eswatini": "Swaziland", "Bengaluru": "Bangalore"}

UA_TEMPLATES = [  # (variant, sentence); {P} the place, {PU} upper case
    ("plain", "Officials in {P} said the situation remained tense."),
    ("plain", "The delegation arrived in {P} on Monday evening."),
    ("possessive", "{P}'s mayor said electricity had been restored to most homes."),
    ("possessive-curly", "Residents of {P}’s eastern districts spent the night in shelters."),
    ("hyphen", "A {P}-based analyst said the figures were encouraging."),
    ("region", "Fighting continued in the {P} region throughout the weekend."),
    ("oblast", "Two villages in {P} Oblast were evacuated, the governor said."),
    ("sentence-initial", "{P} has been under a curfew since Friday."),
    ("quote", "“We will not give up {P},” the commander told reporters."),
    ("parenthesis", "The plant (near {P}) was hit twice in a week."),
    ("caps", "{PU} UNDER FIRE AS TALKS STALL"),
    ("headline", "{P} braces for new offensive"),
]
WORLD_TEMPLATES = [
    ("plain", "Flights to {P} were cancelled because of the storm."),
    ("possessive", "{P}'s stock exchange closed higher on Friday."),
    ("hyphen", "A {P}-born businessman bought the club last year."),
    ("sentence-initial", "{P} has rejected the report as biased."),
    ("quote", "“Nobody in {P} expected this,” a spokesman said."),
    ("caps", "FLOODS CUT OFF {PU} SUBURBS"),
]

GARBLED_FIXED = [  # hand-made garbled quotations of different shapes: (variant, text)
    ("seed-like", "“[It] The decision was taken [by] Government without consulting the regions,” the mayor said."),
    ("funcword", "“We will Not allow The Of occupation to continue,” he told reporters."),
    ("bracket+funcword", "“Our soldiers [in the south] Are holding positions, and The enemy is losing men,” the general said."),
    ("straight", "\"[They] Will Be able to return home only when the [fighting] Ends,\" she said."),
    ("funcword", "“This is a question That concerns The Whole of Europe and Its future,” he added."),
    ("end-of-sentence", "The spokesman said that “the [humanitarian] Corridors Will open at dawn.”"),
    ("straight", "\"Prices [for gas] Will rise For All consumers in the winter,\" the minister warned."),
    ("single-quotes", "‘[We] Are ready To negotiate, but not At Any price,’ he said."),
    ("bracket", "“Negotiations with the Russian side [are] Impossible at this stage,” the minister said."),
    ("bracket", "“I [personally] Do not believe in such promises any more,” she said."),
    ("funcword", "“The sanctions Will remain In force until the Of troops leave,” the diplomat said."),
    ("seed-like", "“[This] A could be needed [civilian] Being present in the port, without entering the war,” he said."),
]
BRACKET_INSERTS = ["it", "this", "he", "they", "the army", "in the east", "of the city", "them", "she", "military"]
FUNCTION_WORDS = ["the", "of", "to", "and", "in", "with", "for", "on", "at", "by", "is", "are", "was",
                  "were", "will", "be", "not", "from", "an", "a"]

UNTRANSLATED = {  # language -> [(variant, text)]; sentences of various lengths, parentheses
    "uk": [("short", "Інформація уточнюється."),
           ("sentence", "Президент заявив, що переговори продовжаться наступного тижня."),
           ("sentence", "Внаслідок обстрілу пошкоджено кілька житлових будинків та школу."),
           ("sentence", "Про це повідомила пресслужба обласної військової адміністрації."),
           ("long", "За словами міністра, уряд виділить додаткові кошти на відновлення енергетичної інфраструктури до кінця року."),
           ("parenthesis", "(за даними Генерального штабу ЗСУ)"),
           ("parenthesis", "(як повідомляє Укрінформ з посиланням на джерела)")],
    "ru": [("short", "Информация о погибших уточняется."),
           ("sentence", "Об этом сообщает пресс-служба министерства обороны."),
           ("sentence", "По словам губернатора, в результате атаки никто не пострадал."),
           ("long", "Власти пообещали восстановить электроснабжение в течение суток, однако жители сомневаются в этом."),
           ("parenthesis", "(по данным местных властей)"),
           ("quote", "«Мы не допустим повторения этой трагедии», — заявил он.")],
    "de": [("short", "Weitere Einzelheiten waren zunächst nicht bekannt."),
           ("sentence", "Die Bundesregierung hat sich noch nicht dazu geäußert."),
           ("sentence", "Das teilte ein Sprecher des Innenministeriums am Montag mit."),
           ("long", "Der Kanzler betonte, dass es keine Alleingänge geben werde und dass alle Entscheidungen eng mit den Partnern abgestimmt würden."),
           ("parenthesis", "(wie die Zeitung am Dienstag berichtet)"),
           ("quote", "„Wir haben keine andere Wahl“, sagte sie.")],
    "fr": [("short", "Le gouvernement n'a pas encore réagi."),
           ("sentence", "Selon le ministère, plus de deux cents personnes ont été évacuées."),
           ("sentence", "Il a ajouté que la décision serait prise dans les prochains jours."),
           ("long", "C'est une question de souveraineté pour nous, et nous ne céderons pas sur ce point, a déclaré le ministre devant les députés."),
           ("parenthesis", "(selon nos informations)"),
           ("quote", "“Nous ne lâcherons rien sur les retraites,” he said.")],
    "es": [("short", "No hubo heridos."),
           ("sentence", "El Gobierno no ha confirmado todavía la cifra de víctimas."),
           ("sentence", "Según fuentes policiales, el detenido tiene antecedentes por robo."),
           ("long", "El ministro aseguró que no habrá recortes en sanidad ni en educación durante la próxima legislatura, pese a la presión de Bruselas."),
           ("parenthesis", "(según datos del Ministerio de Sanidad)"),
           ("quote", "“No vamos a permitir que esto vuelva a ocurrir,” she said.")],
}

# names without diacritics: (as MT writes it, correct form, context template)
NAMES = [
    ("Stephane Sejourne", "Stéphane Séjourné", "French Foreign Minister {N} said the proposal deserved a hearing."),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Turkish President {N} called for a ceasefire."),
    ("Pedro Sanchez", "Pedro Sánchez", "Spanish Prime Minister {N} met union leaders on Tuesday."),
    ("Jose Manuel Albares", "José Manuel Albares", "Spain's foreign minister, {N}, travelled to Rabat."),
    ("Viktor Orban", "Viktor Orbán", "Hungarian Prime Minister {N} again threatened a veto."),
    ("Andres Manuel Lopez Obrador", "Andrés Manuel López Obrador", "Mexican President {N} defended the reform."),
    ("Luiz Inacio Lula da Silva", "Luiz Inácio Lula da Silva", "Brazilian President {N} arrived in Beijing on Thursday."),
    ("Aleksandar Vucic", "Aleksandar Vučić", "Serbian President {N} said he would not recognise the vote."),
    ("Zuzana Caputova", "Zuzana Čaputová", "Slovak President {N} signed the bill into law."),
    ("Sauli Niinisto", "Sauli Niinistö", "Finnish President {N} welcomed the decision."),
    ("Jonas Gahr Store", "Jonas Gahr Støre", "Norwegian Prime Minister {N} announced new aid."),
    ("Antonio Guterres", "António Guterres", "UN Secretary-General {N} urged restraint."),
    ("Peter Szijjarto", "Péter Szijjártó", "Hungarian Foreign Minister {N} met his Chinese counterpart."),
    ("Radoslaw Sikorski", "Radosław Sikorski", "Polish Foreign Minister {N} said the sanctions were working."),
    ("Felix Tshisekedi", "Félix Tshisekedi", "Congolese President {N} was sworn in for a second term."),
    ("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Former Turkish foreign minister {N} attended the talks."),
    ("Nicolas Maduro", "Nicolás Maduro", "Venezuelan President {N} rejected the accusations."),
    ("Micheal Martin", "Micheál Martin", "Irish Foreign Minister {N} said the border would stay open."),
]

BOILERPLATE = {  # variant -> lines
    "comment-form": ["Leave a Reply", "Leave a Reply Cancel reply",
                     "Your email address will not be published. Required fields are marked *",
                     "Leave a comment", "You must be logged in to post a comment.",
                     "Save my name, email, and website in this browser for the next time I comment.",
                     "Post Comment"],
    "share": ["Share this article", "Share on Facebook", "Click to share on Twitter (Opens in new window)",
              "Facebook Twitter WhatsApp Email", "Share this:", "Share via Email", "Facebook | Twitter | LinkedIn"],
    "newsletter": ["Sign up for our newsletter", "Subscribe to our daily newsletter",
                   "Get the latest news delivered straight to your inbox",
                   "We use cookies to ensure you get the best experience on our website.",
                   "Accept all cookies", "Enter your email address to subscribe"],
    "advertisement": ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                      "- Advertisement -", "Continue reading the main story", "Article continues below advertisement"],
}
SEE_ALSO_HEADLINES = [
    "Heatwave grips southern Europe as temperatures soar", "Apple unveils new iPhone with satellite messaging",
    "Police arrest man after city centre stabbing", "Bitcoin slides below $30,000 as markets wobble",
    "Taylor Swift announces extra London dates", "Floods force thousands from their homes in northern Italy",
    "SpaceX launch marks record booster turnaround", "Scientists find new species of frog in the Andes",
]
OUTLETS = ["Orlando Sentinel", "BBC News", "Reuters", "The Guardian", "CNN", "Al Jazeera", "Fox News",
           "The Independent", "Yahoo News", "AP News"]
SEE_ALSO_FORMS = [("see-also-nbsp", "See also" + NBSP + " {H} - {O}"), ("see-also", "See also: {H} - {O}"),
                  ("read-more", "Read more: {H}"), ("read-more-caps", "READ MORE: {H} - {O}"),
                  ("related", "Related: {H} - {O}"), ("also-read", "Also read: {H}"),
                  ("related-caps", "RELATED: {H}")]
HEADLINE_SUFFIXES = [" | Russia-Ukraine War News", " | World News", " | Reuters", " - BBC News",
                     " | The Guardian", " | Politics News | Al Jazeera", " - The New York Times",
                     " | CNN Politics", " | Sports News", " – Euronews"]

PLACEHOLDERS = ["{0}", "{1}", "%s", "%d", "%1$s", "{{name}}", "{{ city }}", "${count}", "%(count)d", "%@"]
PLACEHOLDER_TEMPLATES = ["{X} people were evacuated from the area overnight.",
                         "The minister {X} said the talks would resume next week.",
                         "A total of {X} troops were deployed to the border.",
                         "Dear {X}, thank you for reading our coverage."]
TAG_FORMS = [("br", "<br>"), ("br-slash", "<br />"), ("p-close", "</p>"), ("p-open", "<p>"),
             ("strong", "<strong>"), ("em", "<em>"), ("a", '<a href="https://www.example.com/news/2023/123">'),
             ("span", '<span style="font-weight: 400;">')]
CLOSE_TAG = {"strong": "</strong>", "em": "</em>", "a": "</a>", "span": "</span>"}
ENTITY_APOS = ["&#8217;", "&#39;", "&rsquo;", "&#x2019;"]

DECOYS = [  # (sentence, the part that must not be reported)
    ("He had had enough of the delays, he said.", "had had"),
    ("She said that that was not the point.", "that that"),
    ("Tickets for Duran Duran sold out within minutes.", "Duran Duran"),
    ("The resort of Bora Bora reopened to tourists.", "Bora Bora"),
    ("He ordered chicken Kiev at the hotel restaurant.", "Kiev"),
    ("The oil boom reached Odessa, Texas, decades ago.", "Odessa"),
    ("A Peking duck dinner followed the signing.", "Peking"),
    ("She was appointed a judge of the Bombay High Court.", "Bombay"),
    ("About 1,500 soldiers and 2,000,000 civilians were affected.", "1,500 soldiers and 2,000,000"),
    ("The index rose 1.5 percent to 3,250 points.", "1.5 percent to 3,250"),
    ("The meeting began at 10:30 and ended at 12:15.", "10:30 and ended at 12:15"),
    ("AT&T and R&D spending rose sharply.", "AT&T and R&D"),
    ("“[We] will not send troops,” she said.", "“[We] will not send troops,”"),
    ("“He [Putin] does not want peace,” the minister said.", "“He [Putin] does not want peace,”"),
    ("“It is [for] Ukraine to decide,” he said.", "“It is [for] Ukraine to decide,”"),
    ("“We chose plan A because it was cheaper,” he said.", "“We chose plan A because it was cheaper,”"),
    ("“The talks in The Hague will resume in May,” a spokesman said.", "“The talks in The Hague will resume in May,”"),
    ("The French daily Le Monde and the Süddeutsche Zeitung reported the talks.", "Le Monde and the Süddeutsche Zeitung"),
    ("Merkel's slogan “Wir schaffen das” (We can do it) was widely quoted.", "“Wir schaffen das”"),
    ("The Verkhovna Rada (Верховна Рада) met on Tuesday.", "(Верховна Рада)"),
    ("Prices rose by 5% in June and 10%-15% in July.", "5% in June and 10%-15%"),
    ("Advertisement revenue fell by a third last year.", "Advertisement"),
    ("See also the ministry's statement, which was published on Monday.", "See also"),
    ("The coup d'état was condemned as a fait accompli.", "coup d'état was condemned as a fait accompli"),
    ("The score was 3<5 at half-time.", "3<5"),
    ("He studied at IIT Madras before moving to Mumbai.", "Madras"),
]

CYR_LOWER = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "i": "і", "s": "ѕ", "j": "ј"}
CYR_UPPER = {"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
             "P": "Р", "T": "Т", "X": "Х"}
GREEK = {"o": "ο", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν",
         "O": "Ο", "P": "Ρ", "T": "Τ", "X": "Χ", "Y": "Υ", "Z": "Ζ", "v": "ν"}
ACRONYMS = ["NATO", "EU", "UN", "USA", "NHL", "COVID", "IMF", "CEO", "BBC", "OPEC"]

MOJIBAKE_TEMPLATES = [  # sentences with characters mojibake breaks; {…} marks the part to break
    ("apostrophe", "The ministry said it {didn’t} know when the talks would resume."),
    ("quotes", "He called the plan {“}reckless{”} and left the room."),
    ("dash", "The vote {—} the third this year {—} was delayed."),
    ("en-dash", "The 2019{–}2021 figures were revised."),
    ("accent-e", "The talks were hosted in the {café} of the town hall."),
    ("accent-name", "Mayor {José Gómez} said the bridge would reopen in May."),
    ("accent-a", "Flights to {São Paulo} were cancelled."),
    ("umlaut", "The company is based in {Düsseldorf} and employs 400 people."),
    ("czech", "Prime Minister Petr Fiala spoke in {Plzeň} and {České Budějovice} on Friday."),
    ("czech", "The striker {Tomáš Souček} scored twice."),
    ("polish", "The rally in {Łódź} drew thousands."),
    ("euro", "Tickets cost {€25} each."),
    ("pound", "The fine was {£4,000}."),
    ("nbsp", "The river rose by 3{\u00a0}metres overnight."),
    ("turkish", "Talks were held in {Eskişehir} on Monday."),
    ("double", "The minister said it {wasn’t} over."),  # encoded twice
    ("degree", "Temperatures reached 41{°C} in the south."),
]
MOJIBAKE_CORPUS = [  # (variant, regex for a character in the corpus)
    ("apostrophe", r"(?<=\w)’(?=\w)"), ("quotes", r"[“”]"), ("dash", r"—"), ("en-dash", r"–"),
    ("accent", r"\b\w*[éèáíóúàâêôüöäçñ]\w*"), ("czech", r"\b\w*[čšřžěůýń]\w*"),
]

# --------------------------------------------------------------------------------------
# Document model: paragraphs of segments; a segment is (text, Art or None).
# --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Art:
    kind: str
    variant: str
    decoy: bool = False
    hard: bool = False      # debatable: the judge may or may not plant it (reported, counted apart)
    fmt: str = ""           # format of the file it was planted in
    spans: list = field(default_factory=list)  # filled by render: (start, end, text)


class Doc:
    def __init__(self, name: str, text: str):
        self.name = name
        paras = [p.strip("\n") for p in re.split(r"\n\s*\n", text.strip("\n").replace("\r\n", "\n"))]
        self.paras = [[(p, None)] for p in paras if p.strip()]
        first = self.paras[0][0][0] if self.paras else ""
        self.headline = bool(first) and "\n" not in first and len(first.split()) <= 20 \
            and not re.search(r"[.!?:;\"”’)]$", first)
        self.headline_used = False
        self.last: tuple[int, int] = (0, 0)
        self.arts: list[Art] = []

    def slots(self, min_len: int = 25, body: bool = True) -> list[tuple[int, int]]:
        """Untouched text a plant may go into: (paragraph, segment) of untagged segments."""
        start = 1 if (body and self.headline) else 0
        return [(i, j) for i in range(start, len(self.paras)) for j, (t, a) in enumerate(self.paras[i])
                if a is None and len(t) >= min_len]

    def splice(self, i: int, j: int, new: list) -> None:
        """Replace segment j of paragraph i by new segments; remember where the last one went."""
        new = [s for s in new if s[0]]
        self.paras[i][j:j + 1] = new
        self.last = (i, j + len(new) - 1)

    def add(self, art: Art) -> Art:
        self.arts.append(art)
        return art


def seg_sentence(template: str, fill: dict[str, tuple[str, Art | None]]) -> list:
    """Split a template with {KEY} slots into segments; fill maps KEY -> (text, art)."""
    out, pos = [], 0
    for m in re.finditer(r"\{([A-Z]+)\}", template):
        if m.group(1) not in fill:
            continue
        out.append((template[pos:m.start()], None))
        out.append(fill[m.group(1)])
        pos = m.end()
    out.append((template[pos:], None))
    return [s for s in out if s[0]]


def sentence_breaks(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z“\"])", text)]


def insert_sentence(doc: Doc, rng: random.Random, segs: list, where: str | None = None, after=None) -> bool:
    """Insert a sentence (segments) at the start, a sentence break or the end of untouched text.

    where: "start", "mid" or "end" (default: any that fits); after: only behind this (paragraph, segment)."""
    slots = [s for s in doc.slots() if after is None or s > after]
    rng.shuffle(slots)
    for i, j in slots:
        text = doc.paras[i][j][0]
        breaks = sentence_breaks(text)
        options = (["start"] if j == 0 else []) + (["mid", "mid"] if breaks else []) + \
            (["end"] if j == len(doc.paras[i]) - 1 else [])
        if (where and where not in options) or not options:
            continue
        w = where or rng.choice(options)
        if w == "mid":
            k = rng.choice(breaks)
            new = [(text[:k], None), *segs, (" " + text[k:], None)]
        elif w == "start":
            new = [*segs, (" " + text, None)]
        else:
            sep = " " if re.search(r"[.!?\"”’)]$", text) else ". "
            new = [(text + sep, None), *segs]
        doc.splice(i, j, new)
        return True
    return insert_paragraph(doc, rng, segs) if after is None else False


def insert_paragraph(doc: Doc, rng: random.Random, segs: list, pos: int | None = None) -> bool:
    lo = 1 if doc.headline else 0
    if pos is None:
        pos = rng.randint(lo, len(doc.paras))
    doc.paras.insert(pos, segs)
    doc.last = (pos, len(segs) - 1)
    return True


def replace_in_free(doc: Doc, rng: random.Random, pattern: str, make, flags=0, body: bool = True) -> bool:
    """Replace one random regex match in untouched text by the segments make(match) returns (None: skip it)."""
    cands = [(i, j, m) for i, j in doc.slots(min_len=10, body=body)
             for m in re.finditer(pattern, doc.paras[i][j][0], flags)]
    rng.shuffle(cands)
    for i, j, m in cands:
        segs = make(m)
        if not segs:
            continue
        text = doc.paras[i][j][0]
        doc.splice(i, j, [(text[:m.start()], None), *segs, (text[m.end():], None)])
        return True
    return False


# --------------------------------------------------------------------------------------
# Planters: one function per kind, plant(doc, rng, variant) -> bool (True when planted).
# Each kind's variants are cycled over the corpus so every variant is exercised.
# --------------------------------------------------------------------------------------


def plant_place(doc, rng, variant):
    if variant == "corpus":
        def make(m):
            old = CORPUS_PLACE_SWAPS[m.group(1)]
            return [(old + m.group(2), doc.add(Art("place", "corpus")))]
        return replace_in_free(doc, rng, r"\b(" + "|".join(CORPUS_PLACE_SWAPS) + r")((?:'s|’s|-based)?)\b", make,
                               body=False)
    world = variant.startswith("world-")
    v = variant.removeprefix("world-")
    old, _ = rng.choice(WORLD_PLACES if world else UA_PLACES)
    if v == "list":
        names = rng.sample(UA_PLACES, 3)
        fill = {k: (n[0], doc.add(Art("place", "list"))) for k, n in zip("PQR", names)}
        return insert_sentence(doc, rng, seg_sentence("Air raid alerts sounded in {P}, {Q} and {R}.", fill))
    if v == "pro-hyphen":
        return insert_sentence(doc, rng, seg_sentence("{P} forces said they had repelled the attack.",
                                                      {"P": ("Pro-Kiev", doc.add(Art("place", "pro-hyphen")))}))
    templates = [t for vv, t in (WORLD_TEMPLATES if world else UA_TEMPLATES) if vv == v]
    template = rng.choice(templates)
    art = doc.add(Art("place", variant))
    if v == "caps":
        text = template.replace("{PU}", old.upper())
        before, _, after = text.partition(old.upper())
        return insert_paragraph(doc, rng, [s for s in [(before, None), (old.upper(), art), (after, None)] if s[0]])
    if v == "headline":
        if doc.headline_used:
            doc.arts.remove(art)
            return False
        doc.headline_used = True
        segs = seg_sentence(template, {"P": (old, art)})
        doc.paras.insert(0, segs)
        doc.headline = True
        return True
    return insert_sentence(doc, rng, seg_sentence(template, {"P": (old, art)}))


def garble_quote(inner: str, rng: random.Random, mode: str) -> str | None:
    """Garble the inside of a quotation: bracketed insertions + capitalised words, capitalised function words."""
    words = inner.split(" ")
    if len(words) < 8 or "[" in inner or not words[0][:1].isalpha():
        return None
    if sum(w[:1].isupper() for w in words[1:]) > len(words) // 4:  # a title or a name, not speech
        return None
    ops = {"bracket": ["b"], "bracket2": ["b", "b"], "funcword2": ["f", "f"], "mixed": ["b", "f"],
           "funcword1": ["f"]}[mode]
    used = set()
    for op in ops:
        if op == "f":
            cands = [i for i, w in enumerate(words) if i >= 2 and i not in used and w in FUNCTION_WORDS]
        else:
            cands = [i for i, w in enumerate(words) if i >= 2 and i not in used and re.fullmatch(r"[a-z]+", w)]
        if not cands:
            return None
        i = rng.choice(cands)
        used.add(i)
        if op == "f":
            words[i] = words[i].capitalize()
        else:
            words[i] = "[" + rng.choice(BRACKET_INSERTS) + "] " + words[i].capitalize()
    return " ".join(words)


def plant_garbled(doc, rng, variant):
    if variant.startswith("corpus-"):
        mode = variant.removeprefix("corpus-")

        def make(m):
            garbled = garble_quote(m.group(2), rng, mode)
            if not garbled:
                return None
            return [(m.group(1) + garbled + m.group(3), doc.add(Art("garbled", variant, hard=mode == "funcword1")))]
        return replace_in_free(doc, rng, r"(“)([^“”\n]{30,300})(”)|(\")([^\"\n]{30,300})(\")", lambda m: make(QuoteMatch(m)))
    v, text = rng.choice([x for x in GARBLED_FIXED if x[0] == variant] or GARBLED_FIXED)
    close = max(text.rfind("”"), text.rfind("\""), text.rfind("’"))
    open_ = min(i for i in (text.find("“"), text.find("\""), text.find("‘")) if i >= 0)
    art = doc.add(Art("garbled", "fixed-" + v))
    return insert_sentence(doc, rng, [s for s in [(text[:open_], None), (text[open_:close + 1], art),
                                                  (text[close + 1:], None)] if s[0]])


class QuoteMatch:
    """A match of either alternative of the quote regex (curly or straight) seen as groups 1-3."""
    def __init__(self, m):
        self.m = m
        self.off = 0 if m.group(1) is not None else 3

    def group(self, k):
        return self.m.group(k + self.off)


def plant_doubled(doc, rng, variant):
    art = Art("doubled", variant, hard=variant == "capitalised")
    if variant == "function":
        def make(m):
            return [(m.group(1) + " " + m.group(1), doc.add(art))]
        return replace_in_free(doc, rng, r"(?<=\w )\b(the|to|of|in|and|a|is|for|on|with|was|are|it|be|from|by|at)\b(?= \w)", make)
    if variant == "content":
        def make(m):
            w = m.group(0)
            if w.lower() in {"that", "had", "very", "really", "bye", "knock", "chop", "pooh", "yada", "boo", "tut"}:
                return None
            return [(w + " " + w, doc.add(art))]
        return replace_in_free(doc, rng, r"(?<=[a-z] )\b[a-z]{5,}\b(?= \w)", make)
    if variant == "sentence-initial":
        def make(m):
            return [(m.group(1) + " " + m.group(1).lower(), doc.add(art))]
        return replace_in_free(doc, rng, r"^(The|In|It|A|This|We)\b(?= )", make)
    if variant == "line-break":
        def make(m):
            return [(m.group(1) + "\n" + m.group(1), doc.add(art))]
        return replace_in_free(doc, rng, r"(?<=\w )\b(the|to|of|in|and)\b(?= \w)", make)
    if variant == "capitalised":  # "in In" after MT joins two segments
        def make(m):
            return [(m.group(1) + " " + m.group(1).capitalize(), doc.add(art))]
        return replace_in_free(doc, rng, r"(?<=\w )\b(the|in|to)\b(?= \w)", make)
    return False


QUOTE_STYLES = [("guillemets", "«", "»"), ("guillemets-spaced", "« ", " »"), ("german-low", "„", "“"),
                ("polish-low", "„", "”"), ("german-reversed", "»", "«"), ("single-guillemets", "‹", "›"),
                ("single-low", "‚", "‘"), ("guillemets-nbsp", "«" + NBSP, NBSP + "»")]
PUNCT_PHRASES = ["absolutely unacceptable", "a dangerous provocation", "not on the table", "a historic mistake",
                 "the end of an era"]


def plant_punct(doc, rng, variant):
    styles = {s[0]: s for s in QUOTE_STYLES}
    if variant in styles:
        _, o, c = styles[variant]
        art = Art("punct", variant)

        def make(m):
            m = QuoteMatch(m)
            return [(o + m.group(2) + c, doc.add(art))]
        # nested single quotes are rare in the corpus: mostly a template for those
        use_corpus = not variant.startswith("single") or rng.random() < 0.3
        if not (use_corpus and replace_in_free(doc, rng, r"(“)([^“”\n]{3,200})(”)|(\")([^\"\n]{3,200})(\")", make)):
            phrase = rng.choice(PUNCT_PHRASES)
            if variant.startswith("single"):
                return insert_sentence(doc, rng, [("“He called it ", None), (o + phrase + c, doc.add(art)),
                                                  (",” the official said.", None)])
            return insert_sentence(doc, rng, [("The spokesman called the idea ", None), (o + phrase + c, doc.add(art)),
                                              (" on Tuesday.", None)])
        return True
    # French spacing before ? ! : ; with a space, a no-break space or a narrow no-break space
    space = {"space": " ", "nbsp": NBSP, "nnbsp": NNBSP}[variant.split("-")[-1]]
    mark = variant.split("-")[0]
    art = Art("punct", variant)

    def make(m):
        return [(m.group(1), None), (space + m.group(2), doc.add(art))]
    pattern = {"?": r"([a-z])(\?)(?=\s|$)", "!": r"([a-z])(!)(?=\s|$)", ":": r"([a-z])(:)(?= [a-z“\"])",
               ";": r"([a-z])(;)(?= )"}[mark]
    if replace_in_free(doc, rng, pattern, make):
        return True
    template = {"?": "Who will pay for the repairs{X} Nobody has said.", "!": "“Enough{X}” the protesters shouted.",
                ":": "The mayor said{X} the bridge will reopen in May.", ";": "The choice is clear{X} the time is short."}[mark]
    return insert_sentence(doc, rng, seg_sentence(template, {"X": (space + mark, doc.add(art))}))


NUMBER_TEMPLATES = {
    "decimal-comma-million": ("The fund is now worth {X} euros.", ["1,5 million", "2,3 billion", "4,75 million"]),
    "decimal-comma-percent": ("Inflation slowed to {X} in March.", ["3,5%", "2,7%", "0,25%"]),
    "decimal-comma-word": ("The economy grew by {X} last year.", ["0,8 percent", "1,2 per cent", "2,5 percent"]),
    "decimal-comma-unit": ("The river rose by {X} overnight.", ["1,75 metres", "2,5 metres", "0,6 metres"]),
    "decimal-comma-space-percent": ("Turnout reached {X} on Sunday.", ["61,4 %", "48,9 %"]),
    "dot-thousands-multi": ("The army has {X} reservists.", ["1.000.000", "1.200.000", "2.500.000"]),
    "dot-thousands-round": ("The tickets cost {X} each.", ["1.000 euros", "2.000 hryvnias", "5.000 rubles"]),
    "dot-thousands-count": ("Some {X} were evacuated from the area.", ["4.500 people", "12.300 residents", "2.400 children"]),
    "dot-thousands-decimal": ("The budget grew to {X}.", ["2.500,75 euros", "1.250,5 million euros"]),
    "space-percent": ("Turnout was {X} on Sunday.", ["64 %", "12 %", "7" + NBSP + "%"]),
    "space-thousands": ("About {X} people took part.", ["25 000", "1 200 000", "30" + NBSP + "000"]),
}


def plant_number(doc, rng, variant):
    art = Art("number", variant, hard=variant == "space-thousands")
    if variant == "corpus-decimal-comma":
        def make(m):
            return [(m.group(1) + "," + m.group(2), doc.add(art))]
        if replace_in_free(doc, rng, r"\b(\d{1,3})\.(\d{1,2})(?=\s?(?:%|percent|per cent|million|billion|trillion)\b|%)", make):
            return True
        variant = "decimal-comma-million"
    elif variant == "corpus-space-percent":
        def make(m):
            return [(m.group(1), None), (" %", doc.add(art))]
        if replace_in_free(doc, rng, r"(\d)(%)", make):
            return True
        variant = "space-percent"
    elif variant == "corpus-dot-thousands":
        def make(m):
            s = m.group(0)
            if s.count(",") < 2 and not s.endswith(",000"):
                return None
            return [(s.replace(",", "."), doc.add(art))]
        if replace_in_free(doc, rng, r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)", make):
            return True
        variant = "dot-thousands-multi"
    art.variant = variant
    art.hard = variant == "space-thousands"
    template, values = NUMBER_TEMPLATES[variant]
    return insert_sentence(doc, rng, seg_sentence(template, {"X": (rng.choice(values), doc.add(art))}))


def plant_homoglyph(doc, rng, variant):
    table = {"cyr-lower": CYR_LOWER, "cyr-upper": CYR_UPPER, "greek": GREEK, "two-letters": CYR_LOWER,
             "name": {**CYR_UPPER, **CYR_LOWER}}[variant if variant != "acronym" else "cyr-upper"]
    art = Art("homoglyph", variant)

    def swap(word, n=1):
        idx = [i for i, ch in enumerate(word) if ch in table]
        if len(idx) < n:
            return None
        chars = list(word)
        for i in rng.sample(idx, n):
            chars[i] = table[chars[i]]
        return "".join(chars)

    if variant == "acronym":
        word = rng.choice([a for a in ACRONYMS if any(c in CYR_UPPER for c in a)])
        return insert_sentence(doc, rng, [("Officials from the ", None), (swap(word), doc.add(art)),
                                          (" said the meeting had gone well.", None)])
    pattern = {"name": r"\b[A-Z][a-z]{3,}\b", "cyr-upper": r"\b[A-Z][a-z]{3,}\b"}.get(variant, r"\b[a-z]{4,}\b")

    def make(m):
        new = swap(m.group(0), 2 if variant == "two-letters" else 1)
        if variant == "cyr-upper" and new and new[0] == m.group(0)[0]:
            new = None
        return [(new, doc.add(art))] if new else None
    return replace_in_free(doc, rng, pattern, make)


def plant_untranslated(doc, rng, variant):
    lang, shape = variant.split("-", 1)
    options = [t for s, t in UNTRANSLATED[lang] if s == shape] or \
        [t for s, t in UNTRANSLATED[lang] if s in ("sentence", "long")]
    text = rng.choice(options)
    # shorter than mtlint's own minimum (3 words in parentheses, 4 in a sentence): debatable
    art = doc.add(Art("untranslated", variant, hard=len(text.split()) < (3 if shape == "parenthesis" else 4)))
    if shape == "parenthesis":
        def make(m):
            return [(m.group(0) + " ", None), (text, art)]
        if replace_in_free(doc, rng, r"\b[a-z]{4,}\b(?= [a-z])", make):
            return True
        return insert_sentence(doc, rng, [("The figures ", None), (text, art), (" were published on Monday.", None)])
    if shape == "paragraph":
        return insert_paragraph(doc, rng, [(text, art)])
    if shape == "quote" and text.startswith("“"):  # a quote left untranslated, English attribution
        i = text.rfind("”")
        return insert_sentence(doc, rng, [(text[:i + 1], art), (text[i + 1:], None)])
    return insert_sentence(doc, rng, [(text, art)])


def to_mojibake(s: str, twice: bool = False) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1 controls, as browsers do)."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    res = "".join(out)
    return to_mojibake(res) if twice else res


def plant_mojibake(doc, rng, variant):
    art = Art("mojibake", variant)
    if variant.startswith("corpus-"):
        pattern = dict(MOJIBAKE_CORPUS)[variant.removeprefix("corpus-")]

        def make(m):
            return [(to_mojibake(m.group(0)), doc.add(art))]
        if replace_in_free(doc, rng, pattern, make):
            return True
        variant = {"corpus-apostrophe": "apostrophe", "corpus-quotes": "quotes", "corpus-dash": "dash",
                   "corpus-en-dash": "en-dash", "corpus-accent": "accent-name", "corpus-czech": "czech"}[variant]
        art.variant = variant
    template = rng.choice([t for v, t in MOJIBAKE_TEMPLATES if v == variant])
    segs, pos = [], 0
    for m in re.finditer(r"\{([^}]*)\}", template):
        segs.append((template[pos:m.start()], None))
        broken = to_mojibake(m.group(1), twice=variant == "double")
        segs.append((broken, doc.add(Art("mojibake", variant))))
        pos = m.end()
    segs.append((template[pos:], None))
    return insert_sentence(doc, rng, [s for s in segs if s[0]])


def plant_markup(doc, rng, variant):
    art = Art("markup", variant)
    if variant == "quot":
        def make(m):
            m = QuoteMatch(m)
            return [("&quot;", doc.add(Art("markup", "quot"))), (m.group(2), None), ("&quot;", doc.add(Art("markup", "quot")))]
        if replace_in_free(doc, rng, r"(“)([^“”\n]{3,200})(”)|(\")([^\"\n]{3,200})(\")", make):
            return True
        return insert_sentence(doc, rng, [("He called it ", None), ("&quot;", doc.add(Art("markup", "quot"))),
                                          ("a provocation", None), ("&quot;", doc.add(Art("markup", "quot"))),
                                          (" on Tuesday.", None)])
    if variant == "apostrophe":
        ent = rng.choice(ENTITY_APOS)
        return replace_in_free(doc, rng, r"(?<=\w)['’](?=\w)", lambda m: [(ent, doc.add(art))]) or \
            insert_sentence(doc, rng, [("It wasn", None), (ent, doc.add(art)), ("t clear who had ordered the strike.", None)])
    if variant in ("nbsp", "amp-nbsp"):
        ent = "&nbsp;" if variant == "nbsp" else "&amp;nbsp;"
        return replace_in_free(doc, rng, r"(?<=[a-z]) (?=[a-z])", lambda m: [(ent, doc.add(art))])
    if variant == "named":
        ent = rng.choice(["&mdash;", "&hellip;", "&eacute;", "&amp;", "&ndash;"])
        if ent == "&eacute;":
            return insert_sentence(doc, rng, [("The caf", None), (ent, doc.add(art)), (" closed early.", None)])
        if ent == "&amp;":
            return insert_sentence(doc, rng, [("Shares of Johnson ", None), (ent, doc.add(art)), (" Johnson rose.", None)])
        return insert_sentence(doc, rng, [("The vote was delayed ", None), (ent, doc.add(art)), (" again.", None)])
    if variant.startswith("tag-"):
        name = variant.removeprefix("tag-")
        tag = dict(TAG_FORMS)[name]
        if name in CLOSE_TAG:
            def make(m):
                return [(tag, doc.add(Art("markup", variant))), (m.group(0), None),
                        (CLOSE_TAG[name], doc.add(Art("markup", variant)))]
            return replace_in_free(doc, rng, r"\b[a-z]{5,}(?: [a-z]{3,})?\b", make)
        if name == "p-open":  # before a sentence
            return replace_in_free(doc, rng, r"(?:(?<=[.!?] )|^)[A-Z]", lambda m: [(tag, doc.add(art)), (m.group(0), None)])
        def make(m):
            return [(m.group(0), None), (tag, doc.add(art))]
        return replace_in_free(doc, rng, r"[.!?](?= [A-Z])", make) or \
            insert_sentence(doc, rng, [("The minister resigned.", None), (tag, doc.add(art)), ("He will stay until May.", None)])
    if variant.startswith("placeholder"):
        ph = rng.choice(PLACEHOLDERS)
        art.variant = "placeholder " + ph
        if variant == "placeholder-number":
            return replace_in_free(doc, rng, r"(?<= )\d{1,3}(?= [a-z]{4,})", lambda m: [(ph, doc.add(art))])
        template = rng.choice(PLACEHOLDER_TEMPLATES)
        return insert_sentence(doc, rng, seg_sentence(template, {"X": (ph, doc.add(art))}))
    return False


def plant_boilerplate(doc, rng, variant):
    art = Art("boilerplate", variant)
    if variant == "headline-suffix":
        first = doc.paras[0][0][0] if len(doc.paras[0]) == 1 and doc.paras[0][0][1] is None else ""
        first = first if "\n" not in first else ""
        if not doc.headline and re.fullmatch(r"[A-Z][^.!?\n]{15,110}\.", first):
            doc.paras[0] = [(first[:-1], None)]  # a short first sentence becomes the headline
            doc.headline = True
        if not doc.headline or doc.headline_used:
            return False
        doc.headline_used = True
        doc.paras[0] = [doc.paras[0][0], (rng.choice(HEADLINE_SUFFIXES), doc.add(art))]
        return True
    if variant == "see-also":
        form_v, form = rng.choice(SEE_ALSO_FORMS)
        art.variant = form_v
        line = form.replace("{H}", rng.choice(SEE_ALSO_HEADLINES)).replace("{O}", rng.choice(OUTLETS))
        return insert_paragraph(doc, rng, [(line, doc.add(art))])
    if variant == "advertisement-inline":
        art.hard = True
        return insert_sentence(doc, rng, [("Advertisement", doc.add(art)), (" ", None)], where="start")
    if variant == "end-comment-form":
        for line in ("Leave a Reply", "Your email address will not be published. Required fields are marked *"):
            doc.paras.append([(line, doc.add(Art("boilerplate", variant)))])
        return True
    line = rng.choice(BOILERPLATE[variant])
    return insert_paragraph(doc, rng, [(line, doc.add(art))])


def plant_names(doc, rng, variant):
    if variant == "full":
        stripped, proper, template = rng.choice(NAMES)
        return insert_sentence(doc, rng, seg_sentence(template, {"N": (stripped, doc.add(Art("names", variant)))}))
    # the surname alone is only an artefact when the surname itself lost its diacritics
    stripped, proper, template = rng.choice([n for n in NAMES if n[0].split()[-1] != n[1].split()[-1]])
    surname = stripped.split()[-1]
    if variant == "full+surname":  # full name first, the bare surname (possessive) further down
        head = seg_sentence(template, {"N": (stripped, doc.add(Art("names", variant)))})
        tail = [(surname + "'s", doc.add(Art("names", variant))), (" office did not comment.", None)]
    elif variant == "consistency":  # written correctly once, stripped later in the same article
        # the correct spelling is protected from later plants and must not be reported itself
        head = seg_sentence(template, {"N": (proper, doc.add(Art("decoy", proper, decoy=True)))})
        tail = [("Later, ", None), (surname, doc.add(Art("names", variant))),
                (" told reporters the talks had been useful.", None)]
    else:
        return False
    insert_sentence(doc, rng, head)
    return insert_sentence(doc, rng, tail, after=doc.last) or insert_paragraph(doc, rng, tail, len(doc.paras))


def plant_decoy(doc, rng, variant):
    sentence, part = DECOYS[int(variant)]
    i = sentence.index(part)
    return insert_sentence(doc, rng, [s for s in [(sentence[:i], None),
                                                  (part, doc.add(Art("decoy", part, decoy=True))),
                                                  (sentence[i + len(part):], None)] if s[0]])


PLANTERS = {
    "place": (plant_place, ["corpus", "plain", "possessive", "possessive-curly", "hyphen", "region", "oblast",
                            "sentence-initial", "quote", "parenthesis", "caps", "headline", "list", "pro-hyphen",
                            "world-plain", "world-possessive", "world-hyphen", "world-sentence-initial",
                            "world-quote", "world-caps"]),
    "garbled": (plant_garbled, ["corpus-bracket", "corpus-bracket2", "corpus-funcword2", "corpus-mixed",
                                "corpus-funcword1", "seed-like", "funcword", "bracket+funcword", "straight",
                                "end-of-sentence", "single-quotes", "bracket"]),
    "doubled": (plant_doubled, ["function", "content", "sentence-initial", "line-break", "capitalised"]),
    "punct": (plant_punct, [s[0] for s in QUOTE_STYLES] + ["?-space", "!-space", ":-space", ";-space",
                                                          "?-nbsp", ":-nnbsp", "!-nnbsp"]),
    "number": (plant_number, ["corpus-decimal-comma", "corpus-space-percent", "corpus-dot-thousands",
                              *NUMBER_TEMPLATES]),
    "homoglyph": (plant_homoglyph, ["cyr-lower", "cyr-upper", "greek", "two-letters", "name", "acronym"]),
    "untranslated": (plant_untranslated, [f"{lang}-{shape}" for lang, items in UNTRANSLATED.items()
                                          for shape in sorted({s for s, _ in items} | {"paragraph"})]),
    "mojibake": (plant_mojibake, [f"corpus-{v}" for v, _ in MOJIBAKE_CORPUS] + sorted({v for v, _ in MOJIBAKE_TEMPLATES})),
    "markup": (plant_markup, ["quot", "apostrophe", "nbsp", "amp-nbsp", "named", *[f"tag-{n}" for n, _ in TAG_FORMS],
                              "placeholder", "placeholder-number"]),
    "boilerplate": (plant_boilerplate, ["headline-suffix", "see-also", "headline-suffix", "comment-form", "share", "newsletter",
                                        "advertisement", "advertisement-inline", "end-comment-form"]),
    "names": (plant_names, ["full", "full+surname", "consistency"]),
}
KINDS = list(PLANTERS)

# --------------------------------------------------------------------------------------
# Rendering: txt / md / html with exact code-point spans of every planted segment.
# --------------------------------------------------------------------------------------

HTML_LEGIT_ENTITIES = {"’": "&rsquo;", "‘": "&lsquo;", "“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;",
                       "–": "&ndash;", "é": "&eacute;", NBSP: "&nbsp;", "'": "&#39;", "…": "&hellip;"}


def render(doc: Doc, fmt: str, rng: random.Random, nl: str = "\n", entities: bool = False) -> str:
    """Render the document as txt, md or html; record each artefact's spans (code points) in art.spans.

    Artefacts are the text a reader sees: in HTML they are escaped like any text ("&quot;" is
    written "&amp;quot;", "<br>" "&lt;br&gt;"). Untouched text gets a little real markup (Markdown
    emphasis and links; HTML entities for typographic characters) that must not be reported."""
    out: list[str] = []
    pos = 0

    def emit(s: str, art: Art | None = None):
        nonlocal pos
        if art is not None:
            art.spans.append((pos, pos + len(s), s))
        out.append(s)
        pos += len(s)

    def body_text(s: str, art: Art | None):
        s = s.replace("\n", nl)
        if fmt == "html":
            s = html.escape(s, quote=False)
            if art is None and entities:
                s = "".join(HTML_LEGIT_ENTITIES.get(ch, ch) if rng.random() < 0.7 else ch for ch in s)
            emit(s, art)
        elif fmt == "md" and art is None and rng.random() < 0.25:
            m = re.search(r"\b[a-z]{6,}\b", s)  # a little real markup around an untouched word
            if m:
                w = m.group(0)
                deco = rng.choice([f"**{w}**", f"*{w}*", f"[{w}](https://example.com/{w})"])
                emit(s[:m.start()])
                emit(deco)
                emit(s[m.end():])
            else:
                emit(s)
        else:
            emit(s, art)

    if fmt == "html":
        emit(f"<!DOCTYPE html>{nl}<html lang=\"en\">{nl}<head><meta charset=\"utf-8\"><title>Article</title></head>"
             f"{nl}<body>{nl}<article>{nl}")
    for k, para in enumerate(doc.paras):
        is_head = k == 0 and doc.headline
        quote_block = fmt != "txt" and not is_head and para[0][0][:1] in "“\"" and rng.random() < 0.3
        if fmt == "md":
            emit("# " if is_head else ("> " if quote_block else ""))
        elif fmt == "html":
            emit("<h1>" if is_head else ("<blockquote><p>" if quote_block else "<p>"))
        for text, art in para:
            if fmt == "md" and quote_block:
                text = text.replace("\n", "\n> ")
            body_text(text, art)
        if fmt == "html":
            emit("</h1>" if is_head else ("</p></blockquote>" if quote_block else "</p>"))
        emit(nl + nl if k < len(doc.paras) - 1 else nl)
    if fmt == "html":
        emit(f"</article>{nl}</body>{nl}</html>{nl}")
    return "".join(out)


# --------------------------------------------------------------------------------------
# Running mtlint and scoring.
# --------------------------------------------------------------------------------------


def run_mtlint(mtlint: list[str], folder: Path, extra: list[str]) -> list[dict]:
    proc = subprocess.run([*mtlint, "check", "--format", "json", "--fail-on", "never", *extra, str(folder)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"mtlint failed on {folder} (exit {proc.returncode}):\n{proc.stderr}")
    findings = json.loads(proc.stdout or "[]")
    for f in findings:
        p = Path(f["path"])
        f["_path"] = str((p if p.is_absolute() else Path.cwd() / p).resolve())
    return findings


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as fh:  # keep CRLF: offsets count it as two
        return fh.read()


def context(text: str, start: int, end: int, width: int) -> str:
    half = width // 2
    s = text[max(0, start - half):start] + "⟦" + text[start:end] + "⟧" + text[end:end + half]
    return s.replace("\r", "\\r").replace("\n", "⏎")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS, help="clean human news (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=20240229)
    ap.add_argument("--per-file", type=int, default=9, help="artefacts planted per file (kinds per file)")
    ap.add_argument("--decoys", type=float, default=0.5, help="share of files that get one decoy")
    ap.add_argument("--keep", type=Path, help="write the planted corpus here and keep it")
    ap.add_argument("--json", type=Path, help="write the figures and lists as JSON")
    ap.add_argument("--context", type=int, default=60, help="characters of context around misses")
    ap.add_argument("--mtlint", default=None, help="mtlint executable (default: the repo's .venv, else PATH)")
    ap.add_argument("--quiet", action="store_true", help="figures only, no lists")
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []  # options after -- go to mtlint check
    args = ap.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.extra = extra

    t0 = time.time()
    venv = REPO / ".venv" / "bin" / "mtlint"
    mtlint = [args.mtlint or (str(venv) if venv.exists() else shutil.which("mtlint") or "mtlint")]
    sources = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in EXTENSIONS and p.is_file())
    if not sources:
        sys.exit(f"no articles in {args.folder}")
    rng = random.Random(args.seed)

    root = Path(tempfile.mkdtemp(prefix="mtlint-plant-")) if not args.keep else args.keep
    if args.keep and root.exists():
        if any(root.iterdir()) and not (root / "plants.json").exists():
            sys.exit(f"{root} exists and is not a folder this script wrote (no plants.json): not touching it")
        shutil.rmtree(root)
    planted_dir, clean_dir = root / "planted", root / "clean"
    planted_dir.mkdir(parents=True)
    clean_dir.mkdir(parents=True)

    # Cycle every kind's variants over the corpus.
    cursors = {k: 0 for k in KINDS}
    variant_orders = {k: rng.sample(v, len(v)) for k, (_, v) in PLANTERS.items()}
    arts_by_file: dict[str, list[Art]] = {}
    texts: dict[str, str] = {}
    formats = Counter()
    for n, src in enumerate(sources):
        doc = Doc(src.name, read_text(src))
        if len(read_text(src).split()) < 80:
            continue
        kinds = [KINDS[(n + j) % len(KINDS)] for j in range(min(args.per_file, len(KINDS)))]
        rng.shuffle(kinds)
        for kind in kinds:
            fn, _ = PLANTERS[kind]
            order = variant_orders[kind]
            for attempt in range(len(order)):
                variant = order[(cursors[kind] + attempt) % len(order)]
                if fn(doc, rng, variant):
                    cursors[kind] += attempt + 1
                    break
        if rng.random() < args.decoys:
            plant_decoy(doc, rng, str(rng.randrange(len(DECOYS))))
        r = rng.random()
        fmt = "txt" if r < 0.55 else ("md" if r < 0.78 else "html")
        nl = "\r\n" if fmt == "txt" and rng.random() < 0.15 else "\n"
        bom = fmt == "txt" and rng.random() < 0.06
        entities = fmt == "html" and rng.random() < 0.5
        formats[fmt + ("+crlf" if nl != "\n" else "") + ("+bom" if bom else "") + ("+entities" if entities else "")] += 1
        name = f"{src.stem}.{fmt}"
        fmt_seed = rng.random()
        for art in doc.arts:
            art.fmt = fmt
            # raw tags and entities in Markdown are markup to a renderer: debatable as artefacts
            art.hard |= fmt == "md" and art.kind == "markup" and not art.variant.startswith("placeholder")
        text = render(doc, fmt, random.Random(fmt_seed), nl, entities)
        # the same article rendered the same way without any planting: what is found there is pre-existing
        clean = render(Doc(src.name, read_text(src)), fmt, random.Random(fmt_seed), nl, entities)
        for folder, body in ((planted_dir, text), (clean_dir, clean)):
            with open(folder / name, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
                fh.write(body)
        arts_by_file[str((planted_dir / name).resolve())] = doc.arts
        texts[str((planted_dir / name).resolve())] = text

    planted_f = run_mtlint(mtlint, planted_dir, args.extra)
    clean_render_f = run_mtlint(mtlint, clean_dir, args.extra)
    originals_f = run_mtlint(mtlint, args.folder, args.extra)

    # ---- originals: false alarms per 1000 words
    words = sum(len(read_text(p).split()) for p in sources)
    serious = [f for f in originals_f if f["level"] in ("warning", "error")]
    by_rule_orig = Counter((f["rule"], f["level"]) for f in originals_f)

    # ---- planted files: match findings to artefacts by overlap
    pre_existing = defaultdict(Counter)  # file name -> Counter((rule, match))
    for f in clean_render_f:
        pre_existing[Path(f["_path"]).name][(f["rule"], f["match"])] += 1
    found: dict[int, list[dict]] = defaultdict(list)
    tp = pre = decoy_fp = 0
    unmatched, decoy_hits, bad_match = [], [], []
    rule_by_kind = defaultdict(Counter)
    for f in planted_f:
        path = f["_path"]
        text = texts.get(path, "")
        start, end = f["offset"], f["offset"] + max(f["length"], 1)
        if text[f["offset"]:f["offset"] + f["length"]] != f["match"]:
            bad_match.append(f)
        hits = [a for a in arts_by_file.get(path, []) for s, e, _ in a.spans if s < end and start < e]
        real = [a for a in hits if not a.decoy]
        if real:
            tp += 1
            for a in set(real):
                found[id(a)].append(f)
                rule_by_kind[a.kind][f["rule"]] += 1
            continue
        if hits:
            decoy_fp += 1
            decoy_hits.append((f, hits[0]))
            continue
        key = (f["rule"], f["match"])
        if pre_existing[Path(path).name][key] > 0:
            pre_existing[Path(path).name][key] -= 1
            pre += 1
            continue
        unmatched.append(f)

    all_arts = [(p, a) for p, arts in arts_by_file.items() for a in arts if not a.decoy]
    per_kind = defaultdict(lambda: [0, 0, 0, 0, 0])  # planted, found (any level), found (warning/error), fair, fair found
    per_variant = defaultdict(lambda: [0, 0])
    per_fmt = defaultdict(lambda: [0, 0])
    missed = []
    for path, a in all_arts:
        fs = found.get(id(a), [])
        ok = bool(fs)
        ok_w = any(f["level"] in ("warning", "error") for f in fs)
        per_kind[a.kind][0] += 1
        per_kind[a.kind][1] += ok
        per_kind[a.kind][2] += ok_w
        per_kind[a.kind][3] += not a.hard
        per_kind[a.kind][4] += ok and not a.hard
        per_variant[(a.kind, a.variant.split(" ")[0])][0] += 1
        per_variant[(a.kind, a.variant.split(" ")[0])][1] += ok
        per_fmt[a.fmt][0] += 1
        per_fmt[a.fmt][1] += ok
        if not ok:
            missed.append((path, a))
    total = len(all_arts)
    n_found = sum(v[1] for v in per_kind.values())
    n_found_w = sum(v[2] for v in per_kind.values())
    denom = tp + decoy_fp + len(unmatched)

    # ---- report
    def pct(a, b):
        return f"{100 * a / b:5.1f}%" if b else "   n/a"

    print(f"Planted corpus: {len(arts_by_file)} files ({', '.join(f'{k} {v}' for k, v in sorted(formats.items()))}) in {root}")
    print(f"{total} artefacts planted, {sum(1 for arts in arts_by_file.values() for a in arts if a.decoy)} decoys\n")
    print(f"{'kind':<14}{'planted':>8}{'found':>8}{'recall':>8}{'  w/e only':>11}{'  not hard':>11}")
    for kind in KINDS:
        p, fo, fw, fp, ff = per_kind[kind]
        print(f"{kind:<14}{p:>8}{fo:>8}{pct(fo, p):>8}{pct(fw, p):>11}{pct(ff, fp):>11}")
    print(f"{'overall':<14}{total:>8}{n_found:>8}{pct(n_found, total):>8}{pct(n_found_w, total):>11}")
    fair = [(p, a) for p, a in all_arts if not a.hard]
    fair_found = sum(1 for p, a in fair if found.get(id(a)))
    print(f"{'without hard':<14}{len(fair):>8}{fair_found:>8}{pct(fair_found, len(fair)):>8}   (debatable plants left out:)")
    print("  " + ", ".join(sorted({f"{a.kind}/{a.variant.split(' ')[0]}" + ("(md)" if a.kind == "markup" else "")
                                  for _, a in all_arts if a.hard})))
    print("\nRecall by format: " + ", ".join(f"{k} {pct(v[1], v[0]).strip()} of {v[0]}" for k, v in sorted(per_fmt.items())))
    print("\nRecall by variant (only those below 100%):")
    for (kind, variant), (p, fo) in sorted(per_variant.items()):
        if fo < p:
            print(f"  {kind:<13} {variant:<28} {fo:>3}/{p:<3} {pct(fo, p)}")
    print("\nRules that matched each kind:")
    for kind in KINDS:
        print(f"  {kind:<13} " + ", ".join(f"{r.split('.')[-1]} {n}" for r, n in rule_by_kind[kind].most_common()))
    print(f"\nPrecision on planted files: {tp} findings on artefacts / {denom} findings = {pct(tp, denom).strip()} "
          f"(not counted: {pre} already in the artefact-free rendering)")
    print(f"  of which on decoys: {decoy_fp}; elsewhere: {len(unmatched)}; "
          f"without decoys {pct(tp, tp + len(unmatched)).strip()}; counting pre-existing as false {pct(tp, denom + pre).strip()}")
    print(f"\nClean originals: {words:,} words, {len(originals_f)} findings, {len(serious)} warnings/errors = "
          f"{1000 * len(serious) / words:.3f} per 1000 words (target < 0.1)")
    for (rule, level), n in by_rule_orig.most_common():
        print(f"  {rule:<36} {level:<10} {n}")
    if bad_match:
        print(f"\n!! {len(bad_match)} findings whose match is not the file's text at offset/length, e.g.:")
        for f in bad_match[:5]:
            print(f"  {Path(f['_path']).name}:{f['line']}:{f['column']} {f['rule']} match={f['match']!r} "
                  f"file={texts[f['_path']][f['offset']:f['offset'] + f['length']]!r}")

    if not args.quiet:
        print(f"\nMISSED artefacts ({len(missed)}):")
        for kind in KINDS:
            ms = [(p, a) for p, a in missed if a.kind == kind]
            if ms:
                print(f"  [{kind}] {len(ms)}")
            for path, a in ms:
                s, e, t = a.spans[0]
                print(f"    {a.variant:<24}{'(hard) ' if a.hard else ''}{Path(path).name}: {t!r}  …{context(texts[path], s, e, args.context)}…")
        print(f"\nFindings on DECOYS ({len(decoy_hits)}):")
        for f, a in decoy_hits:
            print(f"    {f['rule']:<32} {f['match']!r}  …{context(texts[f['_path']], f['offset'], f['offset'] + f['length'], args.context)}…")
        print(f"\nUNMATCHED findings on planted files ({len(unmatched)}):")
        for f in unmatched:
            print(f"    {f['rule']:<32} {f['level']:<10} {f['match']!r}  {Path(f['_path']).name}  "
                  f"…{context(texts[f['_path']], f['offset'], f['offset'] + f['length'], args.context)}…")
        print("\nWarnings/errors on the clean originals:")
        for f in serious:
            print(f"    {f['rule']:<32} {f['match']!r}  {Path(f['_path']).name}:{f['line']}")

    if args.json:
        args.json.write_text(json.dumps({
            "recall": {k: {"planted": v[0], "found": v[1], "found_warning": v[2], "planted_not_hard": v[3],
                           "found_not_hard": v[4]} for k, v in per_kind.items()},
            "overall_recall": n_found / total if total else None,
            "precision": tp / denom if denom else None,
            "findings": {"on_artefacts": tp, "on_decoys": decoy_fp, "unmatched": len(unmatched), "pre_existing": pre},
            "clean": {"words": words, "warnings_errors": len(serious), "per_1000": 1000 * len(serious) / words},
            "missed": [{"file": Path(p).name, "kind": a.kind, "variant": a.variant, "text": a.spans[0][2],
                        "offset": a.spans[0][0], "context": context(texts[p], a.spans[0][0], a.spans[0][1], args.context)}
                       for p, a in missed],
            "unmatched": [{k: f[k] for k in ("rule", "level", "match", "line", "column")} | {"file": Path(f["_path"]).name}
                          for f in unmatched],
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.keep:
        (root / "plants.json").write_text(json.dumps(
            [{"file": Path(p).name, "kind": a.kind, "variant": a.variant, "decoy": a.decoy,
              "spans": [{"offset": s, "length": e - s, "text": t} for s, e, t in a.spans]}
             for p, arts in arts_by_file.items() for a in arts], ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\n({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
