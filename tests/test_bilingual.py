"""Bilingual checking (issue 9): real CLI runs on source/target pairs, XLIFF, segment exports, termbases."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES, run_cli

BI = EXAMPLES / "bilingual"


def findings(*args, rule_prefix="Source."):
    result = run_cli("check", "--format", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.stderr
    return [f for f in result.json() if f["rule"].startswith(rule_prefix)]


def brief(found):
    return [(f["rule"], f["line"], f["column"], f["match"]) for f in found]


def assert_matches_file(path, found):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for f in found:
        assert text[f["offset"]:f["offset"] + f["length"]] == f["match"], f
        assert sum(len(line) + 1 for line in lines[: f["line"] - 1]) + f["column"] - 1 == f["offset"], f


def test_seed_against_its_english_source():
    found = findings("--source", str(BI / "seed-article.source.txt"), str(EXAMPLES / "seed-article.txt"))
    terms = [f for f in found if f["rule"] == "Source.Terminology"]
    assert brief(terms) == [("Source.Terminology", 13, 80, "Kiev")]
    assert terms[0]["level"] == "error" and terms[0]["suggestions"] == ["Kyiv"]
    assert "Kyiv's firmest backers" in terms[0]["message"]  # the source sentence is quoted
    assert ("Source.Diacritics", 29, 25, "Stephane") in brief(found)
    assert ("Source.Diacritics", 31, 113, "Sejourne") in brief(found)
    assert not [f for f in found if f["level"] != "suggestion" and f["rule"] not in ("Source.Terminology", "Source.Diacritics")]


def test_repaired_seed_has_no_bilingual_error():
    found = findings("--source", str(BI / "seed-article.source.txt"), str(EXAMPLES / "seed-article.repaired.txt"))
    assert [f for f in found if f["level"] != "suggestion"] == []


def test_source_pack_is_inert_without_a_source():
    assert findings(str(EXAMPLES / "seed-article.txt")) == []


def test_kiev_is_an_error_against_a_ukrainian_source_and_the_terminology_warning_is_raised(tmp_path):
    (tmp_path / "uk.txt").write_text("Зеленський повернувся до Києва.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Zelensky returned to Kiev.\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "uk.txt"), str(tmp_path / "en.txt"), rule_prefix="")
    kiev = [f for f in found if f["match"] == "Kiev"]
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in kiev] == [("Source.Terminology", "error", 1, 22)]


def test_source_that_uses_the_old_form_keeps_only_the_warning(tmp_path):
    (tmp_path / "src.txt").write_text("She cooked chicken Kiev for the guests in Kiev.\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_text("She cooked chicken Kiev for the guests in Kiev.\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "src.txt"), str(tmp_path / "tgt.txt"))
    assert [f for f in found if f["rule"] == "Source.Terminology"] == []


@pytest.mark.parametrize("lang, source, target", [
    ("de", "Der Betrag: 1.000,5 Euro.", "The amount: 1,000.5 euros."),
    ("fr", "Le montant : 1 000,5 euros.", "The amount: 1,000.5 euros."),
    ("es", "Costó 2,5 millones y 3 mil.", "It cost 2.5 million and 3,000."),
    ("es", "Invertirá 5.000 millones de euros.", "It will invest 5 billion euros."),
    ("de", "Um 14:30 Uhr sprach er.", "He spoke at 2:30 pm."),
    ("de", "Die Sitzung endete erst kurz vor 22.30 Uhr.", "The session did not end until shortly before 10:30 p.m."),
    ("de", "So eine Lage hatten wir seit mehr als zehn Jahren nicht.", "We have not had such a situation in more than a decade."),
    ("de", "Er wurde zu sieben Jahren und sechs Monaten Haft verurteilt.", "He was sentenced to seven and a half years in prison."),
    ("ru", "Жара продлится с 12 до 17 часов.", "The heat will last from noon to 5 p.m."),
    ("ru", "Движение перекроют с 12:00 до 16:00.", "Traffic will be closed between noon and 4 p.m."),
    ("ru", "Матч прошёл при 12 тысячах зрителей.", "The match was played in front of 12,000 fans."),
    ("uk", "У Львові на 79-му році життя помер актор.", "An actor died in Lviv at the age of 78."),
    ("uk", "Вибух стався на вулиці Незалежної України.", "The blast happened on Nezalezhnoi Ukrainy Street."),
    ("zh", "直播电商成交额占比超过两成。", "Live-stream sales accounted for more than a fifth."),
    ("ja", "日本銀行は24日、利上げを決めた。", "The Bank of Japan decided on Friday to raise rates."),
    ("ja", "元社長に懲役3年\n\n東京地裁は元社長に懲役3年の判決を言い渡した。",
     "Former president sentenced\n\nThe Tokyo District Court sentenced the former president to three years in prison."),
    ("uk", "Загинули двадцять два вояки і троє цивільних.", "Twenty-two soldiers and three civilians were killed."),
    # number words the table cannot read wholly are not read at all, nor names, compounds and idioms
    ("fr", "Dix-sept personnes sont mortes, vingt et un soldats aussi.", "Seventeen people died, and 21 soldiers."),
    ("fr", "Le chômage a baissé de cinq pour cent en quinze mois.", "Unemployment fell by 5% in 15 months."),
    ("fr", "Il avait vingt-neuf ans; soixante-treize blessés.", "He was 29; 73 injured."),
    ("es", "Llegaron dos mil personas y hubo doscientos cincuenta heridos.", "Some 2,000 people came and 250 were injured."),
    ("ru", "Погибли пять тысяч человек, двадцать один ранен.", "Some 5,000 people died and 21 were injured."),
    ("es", "Habló José Eduardo dos Santos.", "José Eduardo dos Santos spoke."),
    ("fr", "L'élu des Deux-Sèvres, à deux pas de la gare, le 5 sept. 2024.", "The Deux-Sèvres deputy, near the station, on Sept. 5, 2024."),
    ("de", "Sie trafen sich unter vier Augen um halb drei.", "They met in private at 2.30."),
    ("zh", "销量增长百分之二百，这一成就令人瞩目，他八成是忘了。", "Sales rose 200%, a remarkable achievement; he probably forgot."),
    ("zh", "投资1亿两千万元。", "An investment of 120 million yuan."),
    ("ja", "大谷は打率3割1分を記録した。", "Ohtani batted .310."),
    ("ja", "売上高は24兆6300億円、純利益は2兆60億円だった。", "Sales were 24.63 trillion yen and net profit 2.006 trillion yen."),
    ("ja", "青森県東方沖でM6.9の地震", "Magnitude 6.9 quake strikes off Aomori"),
    ("ja", "人口はこの10年で約４万人減少した。", "The population has fallen by about 40,000 over the past decade."),
    ("es", "Hallaron restos de hace 1,8 millones de años.", "They found 1.8-million-year-old remains."),
    ("fr", "L'épidémie de l'hiver 2024-2025 a été précoce.", "The 2024-25 flu epidemic came early."),
    ("zh", "国家统计局10月20日发布数据，前三季度国内生产总值为1015036亿元。",
     "The statistics bureau said on Monday that GDP in the first three quarters was 101.5 trillion yuan."),
    ("zh", "第三季度实现营业收入1949.85亿元。", "Third-quarter revenue was 194.99 billion yuan."),
    ("uk", "Український фільм отримав премію.", "A Ukrainian film won the award."),
    ("uk", "Клуб виграв матч Української Прем'єр-ліги.", "The club won a Ukrainian Premier League match."),
    ("ja", "支持率は三割五分に下がった。", "Support fell to 35%."),
    ("zh", "这种局面将一成不变地持续下去。", "This situation will continue unchanged."),
    ("uk", "Нові пункти облаштують у Дарницькому та Дніпровському районах.", "New points will be set up in the Darnytskyi and Dniprovskyi districts."),
    ("ja", "マグニチュードは５．２と推定され、価格は２．４円上昇した。", "The magnitude was estimated at 5.2, and the price rose 2.4 yen."),
    ("fr", "Il y a quatre-vingt-dix ans, deux frères.", "Ninety years ago, two brothers."),
    ("es", "Hubo treinta y dos heridos.", "There were 32 injured."),
    ("de", "Er ließ die Elf außer Acht; zwei Spieler fehlten.", "He disregarded the team; two players were missing."),
    ("fr", "À 21 h 30, il a parlé.", "At 9.30pm, he spoke."),
    ("ja", "14時30分に会見した。", "He spoke at 2:30 p.m."),
    ("uk", "Прийшли 20 тисяч людей.", "Some 20 thousand people came."),
    ("uk", "Прийшли 20 тис. людей.", "Some 20,000 people came."),
    ("ru", "Бюджет: 1,5 млн рублей.", "The budget: 1.5 million roubles."),
    ("zh", "约有1.8万人参加。", "About 18,000 people took part."),
    ("zh", "投资3亿元。", "An investment of 300 million yuan."),
    ("ja", "参加者は１２３人だった。", "There were 123 participants."),
    ("ja", "令和3年に2人が来た。", "Two people came in 2021."),
    ("ja", "４億５０００万ドルの支援。", "Aid of $450 million."),
    ("ja", "約３割の世帯が影響を受けた。", "About 30% of households were affected."),
    ("ja", "約３割の世帯が影響を受けた。", "About three in ten households were affected."),
    ("zh", "七成受访者表示支持，一成员国反对。", "70% of respondents expressed support; one member state was against."),
    ("zh", "同比增长百分之五点二。", "Up 5.2 percent year on year."),
    # a wire service's zoned time, a time moved to GMT, a range sharing its scale, a harvest in tonnes, ・ as a point
    ("es", "El sismo se registró a las 03.47 hora local (08.47 GMT).", "The quake struck at 3:47 a.m. local time (0847 GMT)."),
    ("fr", "La fusée a décollé à 23h24 à Paris.", "The rocket lifted off at 2124 GMT."),
    ("ru", "Пострадавшим выплатят от 200 до 500 тыс. руб.", "The injured will receive 200,000 to 500,000 rubles."),
    ("uk", "Кукурудза дала по 48 центнерів, хоча в нормальний рік маємо за 80.", "Corn gave 4.8 tons, though in a normal year we get 8."),
    ("ja", "復路５区間（１０９・６キロ）で行われた。", "The return leg covered five stages (109.6 kilometers)."),
    ("ja", "主将の佐藤悠真（４年）が走った。", "Captain Yuma Sato, a senior, ran."),
    # a weekday beside a dateline's date or a range's month; the count of a list; ½; an hour and minutes as minutes
    ("zh", "新华社福州9月3日电 台风预计将于4日凌晨登陆。", "FUZHOU, Sept. 3 (Xinhua) -- The typhoon is expected to make landfall early Thursday."),
    ("ja", "農林水産省は19日、５月５～11日のコメの価格を発表した。", "The farm ministry said on Monday what rice cost from May 5-11."),
    ("ja", "200位以内は東大と京大の２校にとどまった。", "Only Tokyo and Kyoto made the top 200."),
    ("uk", "Подорож триватиме близько 22,5 години.", "The journey will take about 22 ½ hours."),
    ("zh", "西安至十堰最快1小时15分可达。", "The fastest trains link Xi'an and Shiyan in 75 minutes."),
    # ... and after a second review: both ends of a duration, every centner figure and a centner range, a time in
    # the zone it names, lists joined by ・ between Han or by two commas
    ("zh", "西安至十堰最快2小时15分可达。", "The fastest trains link Xi'an and Shiyan in 135 minutes."),
    ("uk", "Пшениця дала 48 ц/га, кукурудза 80 ц/га.", "Wheat gave 4.8 tonnes a hectare and corn 8 tonnes."),
    ("uk", "Урожайність становила 45–48 ц/га.", "The yield was 4.5-4.8 tonnes per hectare."),
    ("ru", "Ракета стартовала в 14:30 по московскому времени.", "The rocket lifted off at 1130 GMT."),
    ("zh", "火箭于北京时间23时24分发射。", "The rocket lifted off at 1524 GMT."),
    ("ja", "200位以内は東大・京大の２校にとどまった。", "Only Tokyo and Kyoto made the top 200."),
    ("ja", "被害は北海道、青森、岩手の３道県に及んだ。", "The damage reached Hokkaido, Aomori and Iwate."),
    # the eighth blind probe's faithful translations: yen and sen, metres and centimetres, a sentence's opening article
    # before an institution's noun, Spanish exonyms, a plural-only place name's endings (Суми is not Сума "the sum")
    ("ja", "終値は前日比１２０円０３銭高の３万６５４５円４２銭だった。", "It closed at 36,545.42, up 120.03 yen."),
    ("uk", "Зріст новонародженої — 1 м 78 см.", "The calf is 1.78 meters tall."),
    ("fr", "La Fédération française des échecs compte 62 000 licenciés.", "The French Chess Federation has 62,000 members."),
    ("es", "Voltia prevé abrir oficinas en Milán.", "Voltia plans to open offices in Milan."),
    ("uk", "Сума трансферу становить 7 млн євро.", "The transfer fee is 7 million euros."),
    # the seventh probe's left-over shapes: a long figure rounded to two digits, life dates as a century, kilometres
    # and metres
    ("es", "La obra costó 2.528 millones de dólares.", "The project cost $2.5 billion."),
    # ... a third review's: full-width times moved to GMT, 世界时装 is no zone, yen and sen rounded; the ninth probe's:
    # an era's abbreviation ends no sentence, In Europa is no full name, Дніпровський is no Дніпровське
    ("ja", "地震は２３時２４分に発生した。", "The quake struck at 1424 GMT."),
    ("zh", "20时30分，上海世界时装周开幕。", "At 1230 GMT, the Shanghai world fashion week opened."),
    ("ja", "円相場は１ドル＝１５０円９２銭で取引された。", "The yen traded at about 151 to the dollar."),
    ("ja", "日経平均は前日比１００円５０銭高で取引を終えた。", "The Nikkei closed up 101 yen."),
    # the tenth probe's: 千 of a metric unit, a Spanish time after a time, a Roman century, a German noun after a
    # sentence's article, an exonym
    ("zh", "吨钢综合能耗降至538千克标准煤。", "Energy use fell to 538 kilograms of standard coal per ton of steel."),
    ("es", "Hablará a las 11.30 horas (12.30 en la España peninsular).", "He will speak at 11:30 a.m. (12:30 p.m. in mainland Spain)."),
    ("uk", "Реставратори виявили розпис XVIII століття.", "Restorers discovered 18th-century paintings."),
    ("de", "Der Däne Mikkel Sørensen traf siebenmal.", "The Dane Mikkel Sørensen scored seven times."),
    ("es", "El Rey recordó a Catalina de Aragón.", "The king recalled Catherine of Aragon."),
    # ... and a fifth review's: 千米 as metres too, a Japanese 千米兵, đ as dj, letters with a stroke English writes
    # plain in places, a life's years beside another year of the source, 同 opening a name
    ("zh", "隧道全长3千米。", "The tunnel is 3,000 metres long."),
    ("ja", "沖縄には約5千米兵が駐留している。", "About 5,000 US troops are stationed in Okinawa."),
    ("hr", "Novak Đoković osvojio je turnir u Parizu.", "Novak Djokovic won the tournament in Paris."),
    ("no", "Kampen ble spilt i Bodø i går.", "The match was played in Bodo yesterday."),
    ("es", "La pintora Rosa Bonheur (1822-1899) expuso su obra en 1853.", "The 19th-century painter Rosa Bonheur showed her work in 1853."),
    ("ja", "東大と同志社大の２校が参加した。", "The University of Tokyo and Doshisha University took part."),
    # ... and a sixth's: a unit's 千 after a larger scale, Spanish times in ranges and after "hasta las"
    ("zh", "装机容量达到120万千瓦。", "Installed capacity reached 1.2 million kilowatts."),
    ("zh", "航程超过2万千米。", "The range exceeds 20,000 kilometres."),
    ("es", "La tienda abre desde las 10.30 horas hasta las 12.45.", "The shop opens from 10:30 until 12:45."),
    ("es", "La reunión será de 10.30 a 12.45 horas.", "The meeting will run from 10:30 to 12:45."),
    ("es", "Atiende entre las 9.15 y las 11.40.", "It is open between 9:15 and 11:40."),
    # the eleventh probe's: hundredths of a second, Spanish stress marks on Slavic names, an institution's noun
    # after "de", Monaco
    ("es", "Mejoró en 58 centésimas su marca personal.", "He improved his personal best by 0.58 seconds."),
    ("es", "Lo dijo Vladímir Putin, y Antón Chéjov lo escribió.", "Vladimir Putin said it, and Anton Chekhov wrote it."),
    ("es", "Interpreta a Liubov Andréyevna Ranévskaya.", "She plays Lyubov Andreyevna Ranevskaya."),
    ("es", "Lo coordina el Ministerio de Inclusión, Seguridad Social y Migraciones.",
     "It is coordinated by the Ministry of Inclusion, Social Security and Migration."),
    ("es", "El circuito concluye en Mónaco.", "The circuit ends in Monaco."),
    # ... and a seventh review's: another life's dates beside the century, Serguéi's -éi
    ("es", "Rosa Bonheur (1822-1899) y Anna Klumpke (1856-1942) vivieron juntas en Francia.",
     "The 19th-century painter Rosa Bonheur and Anna Klumpke (1856-1942) lived together in France."),
    ("es", "Lo dijo Serguéi Lavrov.", "Sergei Lavrov said so."),
    # the twelfth probe's: an AP dateline in capitals, Mexico's "32 mil 956 millones", megapixels, a batting
    # average to the thousandth, 三成五
    ("es", "MÁLAGA – El Unicaja ganó la Liga.", "MALAGA – Unicaja won the league."),
    ("es", "Los ingresos sumaron 32 mil 956 millones de dólares.", "Revenue totaled $32.96 billion."),
    ("ja", "２億画素のカメラを搭載した。", "It has a 200-megapixel camera."),
    ("zh", "该机后置主摄像头为两亿像素。", "The rear main camera has 200 megapixels."),
    ("ja", "ペレスは打率４割１分７厘をマークした。", "Perez batted .417."),
    ("zh", "其中外籍运动员约占三成五。", "Foreign athletes made up about 35%."),
    # ... and an eighth review's: a range of times with no opening word, transliterated -ova and -yeva names
    # accented, Mexico's "mil 500 millones", a batting average with no 分
    ("es", "Horario: 9.30 a 14.00 horas.", "Hours: 9:30 to 14:00."),
    ("es", "La sesión será el martes, 10.30-12.45 h.", "The session will be on Tuesday, 10:30-12:45."),
    ("es", "La pertiguista Yelena Isinbáyeva ganó el oro.", "Pole vaulter Yelena Isinbayeva won gold."),
    ("es", "María Sharápova anunció su retirada.", "Maria Sharapova announced her retirement."),
    ("es", "El gasto fue de mil 500 millones de pesos.", "Spending was 1.5 billion pesos."),
    ("ja", "打率３割７厘を記録した。", "He batted .307."),
    ("zh", "近三成五岁以下儿童贫血。", "Nearly 30% of children under five are anaemic."),
    # ... and a ninth's: 三成五 before 以下, 至 or a closing quote, a headline's "Mil 500 millones"
    ("zh", "该公司市场份额占三成五以下。", "The company has less than 35% of the market."),
    ("zh", "出口占三成五至四成。", "Exports account for 35% to 40%."),
    ("zh", "他说：“我们的市场份额约三成五”。", 'He said: "Our market share is about 35%."'),
    ("es", "Mil 500 millones de pesos para el metro.", "1.5 billion pesos for the metro."),
    # the thirteenth probe's: kilowatts as megawatts and gigawatts, ３分の２ as two-thirds, 11 тисяч 350, an
    # adjective of a river's name (Південний Буг) before its noun
    ("zh", "该电站装机容量为30万千瓦。", "The plant has a capacity of 300 megawatts."),
    ("zh", "累计装机规模达3139万千瓦。", "Installed capacity reached 31.39 gigawatts."),
    ("ja", "都は設備改修費の３分の２を補助する。", "The city subsidizes two-thirds of renovation costs."),
    ("uk", "У черзі перебували 11 тисяч 350 дітей.", "There were 11,350 children on the waiting list."),
    ("uk", "Рівень води в Південному Бузі піднявся.", "The water level in the Southern Bug rose."),
    # ... and a tenth review's: the accusative тисячу and тис., a share in figures as a per cent
    ("uk", "Він заплатив 1 тисячу 200 гривень.", "He paid 1,200 hryvnias."),
    ("uk", "У черзі було 11 тис. 350 дітей.", "There were 11,350 children in the queue."),
    ("zh", "约2分之1的居民支持。", "About 50% of residents support it."),
    ("es", "Se destinarán a salud y educación mil 500 millones de pesos.", "Health and education will get 1.5 billion pesos."),
    ("es", "Fueron destinados mil 500 millones de pesos al programa.", "A total of 1.5 billion pesos was allocated to the programme."),
    ("fr", "Les tombes datent du Ier et du IIe siècle après J.-C. Elles sont intactes.",
     "The graves date from the 1st and 2nd centuries A.D. They are intact."),
    ("de", "In Europa legte Hallmann um 1,2 Prozent zu.", "In Europe, Hallmann grew 1.2%."),
    ("uk", "Дніпровський метрополітен відкрив станцію.", "The Dnipro Metro opened a station."),
    ("fr", "Une toile de Rosa Bonheur (1822-1899) a été vendue.", "A painting by 19th-century painter Rosa Bonheur was sold."),
    ("ru", "Он преодолел дистанцию 42 км 195 м.", "He covered the 42.195-kilometer course."),
    # a date beside its weekday, given as the weekday (AP style), in every European source language; a CJK date
    # whose English month is another source date's (July 1) still a weekday's
    ("ru", "Суд в четверг, 13 марта, вынес приговор.", "The court passed sentence on Thursday."),
    ("uk", "Станом на четвер, 18 липня, зібрано 3,2 млн тонн зерна.", "As of Thursday, 3.2 million tonnes of grain had been harvested."),
    ("de", "Am Donnerstag, dem 13. März, tagte der Rat.", "The council met on Thursday."),
    ("es", "El jueves 13 de marzo se reunió el consejo.", "The council met on Thursday."),
    ("fr", "Le conseil s'est réuni jeudi 13 mars.", "The council met on Thursday."),
    ("ru", "В четверг, 13 марта, суд отложил заседание до 20 марта.", "On Thursday, the court adjourned the hearing until March 20."),
    ("zh", "国铁集团6月27日宣布，新运行图将于7月1日起实行。", "China Railway announced on Friday that the new timetable will take effect on July 1."),
    ("es", "Evite salir entre las 12.00 y las 18.00 horas.", "Avoid going out between noon and 6 p.m."),
    # a results list's sentence of names and figures is alike in both languages; a body's short name is no person
    ("de", "Die Endstände: 1. Wójcik (Polen) 6,5 Punkte; 5. Nguyễn Thành Đạt (Vietnam) 5; 6. Lukas Großmann (Deutschland) 4,5.",
     "Final standings: 1. Wójcik (Poland) 6.5 points; 5. Nguyễn Thành Đạt (Vietnam) 5; 6. Lukas Großmann (Germany) 4.5."),
    ("ja", "全国さんま棒受網漁業協同組合（全さんま）によると、水揚げ量は約3万8700トン。",
     "According to the National Saury Stick-held Dip Net Fishery Cooperative Association, the catch was about 38,700 tonnes."),
    ("fr", "Une villa romaine mise au jour près de Nîmes.", "A Roman villa unearthed near Nimes."),
    # the weekday-and-date forms of a twelfth cold review: genitive weekdays, brackets, "einem Donnerstag", 1er,
    # día, AP's Thurs.; 12h00 as noon; a body's short name introduced by 以下、 or given first
    ("ru", "Начиная с понедельника, 10 марта, движение закроют.", "Starting Monday, traffic will be closed."),
    ("ru", "Суд 13 марта (четверг) вынес приговор.", "The court passed sentence on Thursday."),
    ("de", "Der Rat tagte am 13. März, einem Donnerstag.", "The council met on Thursday."),
    ("fr", "Le conseil s'est réuni jeudi 1er mai.", "The council met on Thursday."),
    ("es", "El consejo se reunió el jueves día 13 de marzo.", "The council met on Thursday."),
    ("ru", "Суд в четверг, 13 марта, вынес приговор.", "The court passed sentence Thurs."),
    ("fr", "Les magasins ferment à 12h00 ce jour-là.", "Shops close at noon that day."),
    ("ja", "全国さんま棒受網漁業協同組合（以下、全さんま）によると、水揚げ量は約3万8700トン。",
     "According to the national saury fishing cooperative, the catch was about 38,700 tonnes."),
    ("ja", "全さんま（全国さんま棒受網漁業協同組合）によると、水揚げ量は約3万8700トン。",
     "According to the national saury fishing cooperative, the catch was about 38,700 tonnes."),
    # probe set p15: a batter's place in words, -fold past ten, 24 hours around the clock, a name's bracketed reading
    ("ja", "青森明陵は二回、４番・工藤陽向選手の左越え２点本塁打で先制。",
     "Aomori Meiryo took the lead in the second inning on a two-run homer to left by cleanup hitter Hinata Kudo."),
    ("ja", "赤ちゃんは2カ月で約13倍に成長した。", "The cubs have grown about thirteenfold in two months."),
    ("ja", "飼育員が交代で24時間態勢で見守ってきた。", "Keepers have taken turns watching over them around the clock."),
    ("zh", "由饲养员24小时轮班照料。", "She is being cared for around the clock by keepers working in shifts."),
    ("ja", "鳴門港北のエース、佐々木蒼真（ささき・そうま）投手は１０回を一人で投げ抜いた。", "Naruto Kohoku ace Soma Sasaki pitched all 10 innings."),
    # a thirteenth review: other languages' round the clock, compound folds, a reading in katakana or after a
    # title, short names introduced by 以下「」 or 略称, a weekday with its time of day or a bare day, к/около 12.00
    ("fr", "Le service fonctionne 24h/24 et 7j/7.", "The service runs around the clock."),
    ("fr", "Les secours travaillent 24 heures sur 24.", "Rescuers are working around the clock."),
    ("de", "Die Helfer arbeiten 24 Stunden am Tag.", "The helpers are working around the clock."),
    ("es", "Los equipos trabajan las 24 horas.", "The teams are working around the clock."),
    ("ja", "売上高は25倍に増えた。", "Sales increased twenty-fivefold."),
    ("zh", "销售额增长了200倍。", "Sales increased two hundredfold."),
    ("ja", "鳴門港北のエース、佐々木蒼真投手（ささき・そうま）は１０回を一人で投げ抜いた。", "Naruto Kohoku ace Soma Sasaki pitched all 10 innings."),
    ("ja", "全国さんま棒受網漁業協同組合（以下「全さんま」）によると、水揚げ量は約3万8700トン。",
     "According to the national saury fishing cooperative, the catch was about 38,700 tonnes."),
    ("ja", "全国さんま棒受網漁業協同組合（略称・全さんま）によると、水揚げ量は約3万8700トン。",
     "According to the national saury fishing cooperative, the catch was about 38,700 tonnes."),
    ("ru", "В четверг вечером, 13 марта, президент посетил Киев.", "On Thursday evening, the president visited Kyiv."),
    ("de", "Am Donnerstagabend, 13. März, sprach der Kanzler.", "On Thursday evening, the chancellor spoke."),
    ("es", "El jueves 13, el presidente habló.", "On Thursday, the president spoke."),
    ("es", "El jueves 1.º de mayo, el presidente habló.", "On Thursday, the president spoke."),
    ("ru", "Около 12.00 начался пожар.", "A fire broke out at around noon."),
    # probe set p16: French hours and minutes with no minutes' unit, a race time's hundredths after 秒, a date
    # "around the 4th" given as a weekday; and an hour and a quarter in decimal hours
    ("fr", "Le trajet passera de sept heures à environ 4 h 30.", "The journey will be cut from seven hours to about four and a half hours."),
    ("zh", "东村龙舟队以4分32秒15的成绩夺冠。", "The Dongcun team won in 4 minutes, 32.15 seconds."),
    ("zh", "长江委水文局预计，三峡水库入库流量将于4日前后达到峰值。",
     "The bureau expects inflow into the Three Gorges Reservoir to peak around Friday."),
    ("zh", "全程用时1小时15分。", "The whole trip took 1.25 hours."),
    # a fourteenth review: tenths after 秒, "the 5th Army" no date, 12.00 before del/bis/gab, score lines
    ("ja", "男子100メートルで10秒2を記録した。", "He clocked 10.2 seconds in the men's 100 meters."),
    ("ru", "В четверг, 13 марта, войска 5-й армии начали наступление.", "Troops of the 5th Army launched an offensive on Thursday."),
    ("es", "La reunión empezó a las 12.00 del mediodía.", "The meeting began at noon."),
    ("de", "Die Sitzung dauerte von 12.00 bis 14.00.", "The session lasted from noon to 2 p.m."),
    ("es", "El Barcelona perdió.\n\nReal Madrid 2, Barcelona 1", "Barcelona lost.\n\nReal Madrid 2, Barcelona 1"),
    ("de", "FC Bayern München 3, Borussia Dortmund 1", "FC Bayern München 3, Borussia Dortmund 1"),
    # a fifteenth review: upper-case internationalised domains, lengths after до/um/by and a distance (à 2 h 30
    # de Paris), "the 5th floor", weekdays opening a quotation or in a capitals dateline, traditional 前後, more
    # round-the-clock phrases, a bare day ending a sentence
    ("ru", "Подробности на портале Екатеринбург.РФ.", "Details are on Yekaterinburg's portal, Екатеринбург.РФ."),
    ("de", "Die Fahrzeit verkürzt sich um 1 Stunde 15 Minuten.", "The journey will be 75 minutes shorter."),
    ("fr", "La ville se trouve à 2 h 30 de Paris en voiture.", "The town is a 2.5-hour drive from Paris."),
    ("zh", "行程缩短了75分钟。", "The journey was shortened by 1 hour 15 minutes."),
    ("ru", "В четверг, 13 марта, пожар вспыхнул на пятом этаже.", "On Thursday, a fire broke out on the 5th floor."),
    ("ru", "Он написал: «Среда, 12 марта, станет днём траура».", 'He wrote: "Wednesday will be a day of mourning."'),
    ("es", "MADRID, JUEVES 13 DE MARZO. El gobierno habló.", "MADRID, Thursday. The government spoke."),
    ("zh", "颱風預計4日前後登陸台灣。", "The typhoon is expected to make landfall in Taiwan around Friday."),
    ("zh", "救援队伍24小时待命。", "Rescue teams are on standby around the clock."),
    ("de", "Die Apotheke ist täglich 24 Stunden geöffnet.", "The pharmacy is open around the clock."),
    ("es", "El partido será el jueves 13.", "The match will be on Thursday."),
    # probe set p18: a British clock's hour (8.45 a.m.), decades of age (10代 teens, 60代 sixties)
    ("fr", "L'Insee publiera ses résultats jeudi à 8 h 45.", "INSEE will publish its results on Thursday at 8.45 a.m."),
    ("ja", "10代後半から20代の作品が並ぶ。", "Works from her late teens and twenties are shown."),
    ("ja", "60代以降の約30点が最後の一室にある。", "Some 30 pieces from her sixties onwards are in the last room."),
    # a sixteenth review: 12.00 HRS, a seed's ordinal after the weekday, CJK and Moscow domains, octogenarian,
    # zh 4日前往
    ("es", "La reunión comenzará a las 12.00 HRS en el ayuntamiento.", "The meeting will begin at noon at the town hall."),
    ("ru", "В четверг, 13 марта, 12-й сеяный Фриц обыграл Рууда.", "On Thursday, 12th seed Fritz beat Ruud."),
    ("ja", "お名前.comでドメインを登録した。", "He registered the domain through お名前.com."),
    ("ja", "80代の男性が死亡した。", "An octogenarian man died."),
    # probe set p20: shares and divisions in words (20 % a fifth, 100 % fully, deux fois moins half as much),
    # stoppage time (90+2), the Alboran Sea, Veronese
    ("fr", "La surface passe de 7 000 à 8 400 m², soit 20 % de plus.", "The space grows from 7,000 to 8,400 square meters, a fifth more."),
    ("fr", "Le vaccin est remboursé à 100 % par l'Assurance maladie.", "The vaccine is fully reimbursed by the health insurance system."),
    ("fr", "Elle plaidait pour un bus, deux fois moins cher selon elle.", "She argued for a bus line, which she said would cost half as much."),
    ("uk", "На 90+2-й хвилині Юрченко забив гол.", "Yurchenko scored in the second minute of stoppage time."),
    ("es", "Los valores más altos se registraron en el mar de Alborán.", "The highest values were recorded in the Alboran Sea."),
    ("fr", "Une toile de Véronèse a été restaurée.", "A canvas by Veronese was restored."),
    # probe set p21: 1000兆 (10^15) as a quadrillion
    ("ja", "太陽の約1000兆倍の質量を持つ。", "It has a mass about 1 quadrillion times that of the sun."),
    # an eighteenth review: 100-prozentig, al 100 por cien, в два раза дешевле, 90e+3
    ("de", "Der Impfstoff wird 100-prozentig erstattet.", "The vaccine is fully reimbursed."),
    ("es", "El fármaco se financia al 100 por cien.", "The drug is fully reimbursed."),
    ("ru", "Автобус в два раза дешевле.", "The bus costs half as much."),
    ("fr", "Il a marqué à la 90e+3 minute.", "He scored in the third minute of stoppage time."),
    # a seventeenth review: a weekday in capitals with its month anywhere (a dateline after an agency's name)
    ("es", "MADRID (EFE), MIÉRCOLES 12 DE MARZO. El Gobierno aprobó el presupuesto.",
     "MADRID (EFE), WEDNESDAY. The government approved the budget."),
    ("zh", "他于4日前往北京。", "He went to Beijing on Thursday."),
    # probe set p17: thousands grouped after 万 (1万3,636), an internationalised domain kept as written
    ("ja", "当日有権者数は1万3,636人だった。", "There were 13,636 registered voters on the day."),
    ("ja", "予算は2億3,000万円。", "The budget is 230 million yen."),
    ("ru", "Схемы новых маршрутов опубликованы на портале екатеринбург.рф.", "Maps of the new routes are published on the екатеринбург.рф portal."),
    # probe set p22: tenths after the seconds' unit, tenths of a point in words, 百 as the hecto of 百帕, and a
    # headline's rounded figure given as the body's exact one
    ("fr", "Elle a bouclé les 10 km en 29 min 47 s 3.", "She completed the 10 km in 29 min 47.3 s."),
    ("es", "El déficit podría situarse en el 2,9 % del PIB, dos décimas por encima del objetivo.",
     "The deficit could reach 2.9% of GDP, 0.2 percentage points above target."),
    ("zh", "中心最低气压为950百帕。", "The minimum central pressure was 950 hectopascals."),
    ("zh", "台风登陆 逾42万人紧急转移\n\n全省共紧急转移群众42.6万人。",
     "Typhoon makes landfall; more than 426,000 evacuated\n\nA total of 426,000 people across the province had been evacuated."),
    # probe set p23: AP style's 7 1/2, 增长3.1倍 as up 310%, 3600余万 (the scale after 余), a name's Spanish noun in
    # -ción in English (Operación, Operation), the poet Lesia Ukrainka (Українка is no case of Україна), a given name
    # the tagger split (石黒 + 蒼 + 真: Soma Ishiguro)
    ("ru", "Прокуратура просила для подсудимого 7,5 года заключения.", "Prosecutors had asked for a 7 1/2-year prison term for the defendant."),
    ("zh", "同比增长3.1倍。", "Up 310% year on year."),
    ("zh", "目前已冻结涉案资金3600余万元。", "More than 36 million yuan has been frozen."),
    ("es", "La investigación, bautizada como Operación Calíope, se inició en marzo.", "The investigation, dubbed Operation Calíope, began in March."),
    ("uk", "«Леся Українка написала цю драму за 12 днів», — сказала вона.", '"Lesia Ukrainka wrote this drama in 12 days," she said.'),
    ("ja", "工学部３年の石黒蒼真さん（21）は「大変だ」と話す。", '"It is hard," said Soma Ishiguro, 21, a third-year engineering student.'),
    # a review of those: 增长1倍 is "doubled", 百姓 after 余 no scale, a source's own "7 1/2" one figure
    ("zh", "出口同比增长1倍。", "Exports doubled year on year."),
    ("zh", "当地1000多百姓参加了活动。", "More than 1,000 local residents took part."),
    ("de", "Er wurde zu 7 1/2 Jahren verurteilt.", "He was sentenced to 7.5 years."),
    # (and a scaled figure after such a fraction: the fraction's parts left the figures only after the ranges' scales
    # were read, which index them; probe set p26's first run stopped on this with an IndexError)
    ("ru", "Бывший глава компании получил 9,5 года за хищение 3,4 млрд рублей.",
     "Former company chief gets 9 1/2 years for stealing 3.4 billion rubles."),
    # probe set p24: a live report's entry opening with its time, le 14-Juillet as Bastille Day, 2人乗り (two on a
    # bicycle) as carrying a passenger, a place named in characters beside another (「草津・四万」), 一百多年 as more than
    # a century
    ("es", "13.20 | Primera estimación: el fuego afecta a unas 2.300 hectáreas.", "1:20 p.m. | First estimate: the fire covers some 2,300 hectares."),
    ("fr", "Le final vire au feu d'artifice du 14-Juillet.", "The finale turned into a Bastille Day fireworks display."),
    ("ja", "2人乗りは3000円となる。", "Carrying a passenger will cost 3,000 yen."),
    ("ja", "東京駅からはJR特急「草津・四万」で約２時間20分。", "From Tokyo Station, the JR limited express Kusatsu-Shima takes about 2 hours 20 minutes."),
    ("zh", "凯斯勒一百多年积累的工程能力。", "Kessler's engineering capability built up over more than a century."),
    # (a review of those: lower case, the usual spelling of the day; a bullet before a live report's time)
    ("fr", "Le final vire au feu d'artifice du 14 juillet.", "The finale turned into a Bastille Day fireworks display."),
    ("es", "• 8.47 | El presidente llega al Congreso.", "• 8:47 a.m. | The president arrives at Congress."),
    # probe set p25: a multiple said in a word (約2倍 as "roughly doubled", в 2 раза, das 3-Fache), an e-mail address
    # inside Chinese text (its characters are no part of it)
    ("ja", "中国からの旅客は前年同月の約2倍に回復した。", "Passengers from China roughly doubled from a year earlier."),
    ("ru", "Продажи выросли в 2 раза.", "Sales doubled."),
    ("de", "Die Zahl der Besucher stieg um das 3-fache.", "The number of visitors tripled."),
    ("zh", "市民可发送邮件至zoo_naming@hzzoo.cn参与。", "The public can take part by e-mail to zoo_naming@hzzoo.cn."),
    # (a review of those: 3倍増, Ukrainian growth by 3 times; a footnote's mark or the figures of the text after an
    # address are no part of it)
    ("ja", "純利益は前年比3倍増の120億円。", "Net profit tripled to 12 billion yen."),
    ("uk", "Ціни зросли майже в 3 рази.", "Prices almost tripled."),
    ("fr", "Écrivez à contact@mairie.fr¹.", "Write to contact@mairie.fr."),
    ("zh", "发送至zoo@hzzoo.cn2024年征集活动", "Send to zoo@hzzoo.cn for the 2024 campaign"),
    # probe set p26: a one-word title in quotation marks given in English, Napoleon, Japanese ・ as the decimal point
    # before 人 and 点
    ("fr", "Le théâtre présentera une adaptation des « Métamorphoses » d’Apulée.", 'The theater will present an adaptation of "Metamorphoses" by Apuleius.'),
    ("fr", "Ils liront le décret de Moscou, signé par Napoléon Ier en 1812.", "They will read the Moscow decree, signed by Napoleon I in 1812."),
    ("ja", "高齢者の約３・６人に１人にあたる。", "That is about one in 3.6 older people."),
    ("ja", "東大のスコアは４２・３点だった。", "The University of Tokyo scored 42.3 points."),
    # a review of the multiples: growth with words between (увеличила выручку в 3 раза), Ukrainian у, a second
    # multiple the translation keeps as a figure, two said in words in order, Chinese 增长了2倍 as tripled (N + 1)
    ("ru", "Компания увеличила выручку в 3 раза.", "The company tripled its revenue."),
    ("uk", "Обсяг експорту зріс у 3 рази.", "Export volume tripled."),
    ("ru", "Продажи выросли в 2 раза, а прибыль — в 1,5 раза.", "Sales doubled and profit rose 1.5 times."),
    ("ru", "Цены выросли в 2 раза, а зарплаты — в 3 раза.", "Prices doubled and wages tripled."),
    ("zh", "出口额增长了2倍。", "Exports tripled."),
    # (a review of those: ２・３人 is two or three people; an en dash, brackets and a third multiple in the span;
    # 增长了超过2倍 as up more than 200%)
    ("ja", "現場では２・３人が軽いけがをした。", "Two or three people were slightly injured at the scene."),
    ("ru", "Цены выросли в 2 раза, а зарплаты – в 3 раза.", "Prices doubled and wages tripled."),
    ("ru", "Выручка выросла в 2 раза, прибыль — в 3 раза, а дивиденды — в 4 раза.", "Revenue doubled, profit tripled and dividends quadrupled."),
    ("ru", "Выручка выросла (по данным компании) в 2 раза.", "Revenue doubled, according to the company."),
    ("zh", "出口额增长了超过2倍。", "Exports rose more than 200%."),
    # probe set p27: a Cyrillic hashtag given romanised, a conversion in brackets given in other units, and a lead
    # sentence merged into the next where the source gives Latin names in brackets after their transliteration
    ("ru", "Болельщики вывели в тренды хештег #ЗоринНаш.", 'Fans sent the hashtag #ZorinNash ("Zorin is ours") trending.'),
    ("uk", "У соцмережах поширюється хештег #ЗарплатуВчителям.", 'The hashtag #ZarplatuVchyteliam ("Pay the teachers") is spreading on social media.'),
    ("zh", "此次火灾过火面积约870公顷（约合1.3万亩），未造成人员伤亡。", "The fire burned about 870 hectares (about 2,150 acres), with no casualties."),
    # (and its other half: a decade by its tens, los años ochenta, die 80er Jahre, as the 1980s; an hour and a half,
    # an hour and 10 minutes for 1 h 30, 1 h 10)
    ("es", "Tiene la mitad de habitantes que en los años ochenta.", "It has half as many inhabitants as in the 1980s."),
    # (a review of those: a hashtag and a link with İ or ı copied as they are; a conversion left out)
    ("de", "Die Beiträge liefen unter #İstanbul.", "The posts ran under #İstanbul."),
    ("de", "Mehr unter https://www.ıspanak.com.tr/haber.", "More at https://www.ıspanak.com.tr/haber."),
    ("zh", "全程5公里（合3.1英里）。", "The course is 5 km long."),
    # (a last review: 约合人民币 before the figure, ranges and a unit of several characters in the bracket; a figure
    # elsewhere in the sentence that shares the conversion's digits; decades with 80ern, 90-м годам; an
    # hour-and-a-half, an hour and a quarter)
    ("zh", "该公司获得100万美元（约合人民币720万元）投资。", "The company received an investment of $1 million."),
    ("zh", "该车售价2万至3万美元（约合14万至21万元）。", "The car sells for $20,000 to $30,000."),
    ("zh", "此次火灾过火面积约870公顷（约合1.3万亩），130名消防员参与扑救。", "The fire burned about 870 hectares (about 2,150 acres); 130 firefighters fought it."),
    ("ru", "К 90-м годам завод закрыли.", "By the 1990s the plant had closed."),
    ("de", "Die Halle stammt aus den 80ern.", "The hall dates from the 1980s."),
    ("fr", "Le trajet demandait près de 1 h 30.", "It was an hour-and-a-half drive."),
    ("fr", "Le trajet demandait près de 1 h 15.", "The journey took an hour and a quarter."),
    ("de", "Die Halle stammt aus den 80er Jahren.", "The hall dates from the 1980s."),
    ("fr", "Le trajet demandait près de 1 h 30.", "The journey took almost an hour and a half."),
    ("fr", "« Je mettais 1 h 10 pour aller travailler », dit-elle.", '"It used to take me an hour and 10 minutes to get to work," she said.'),
    ("zh", "2月22日（周六），国际雪联（FIS）高山滑雪世界杯延庆站男子滑降比赛在国家高山滑雪中心“雪飞燕”赛道落幕。"
           "挪威选手奥勒·马丁·斯特兰德（Ole Martin Strand）以1分44秒37夺冠，瑞士名将卢卡·齐默尔曼（Luca Zimmermann）和意大利选手"
           "马泰奥·贝尔托利（Matteo Bertoli）分别以0秒18和0秒41之差获得亚军和季军。",
     "Norway's Ole Martin Strand won the men's downhill at the Yanqing stop of the FIS Alpine Ski World Cup on Saturday, "
     "Feb. 22, clocking 1 minute, 44.37 seconds on the Rock (Xuefeiyan) course at the National Alpine Skiing Center. Swiss "
     "star Luca Zimmermann and Italy's Matteo Bertoli took second and third, 0.18 and 0.41 seconds behind."),
    # p28: a date's year with its weekday; a date the translator gave as a weekday; by the 15th; "in his 87th
    # year" said as an age in a sentence of its own; the year the source also calls this year; a repeated
    # designation; a glossed acronym given in full; a region that kept its name; the port's own spelling; a
    # translated institution noun
    ("de", "Er starb am Sonntag, dem 12. Oktober 2025, im Alter von 87 Jahren.", "He died Sunday. He was 87."),
    ("uk", "Пікове споживання 22 липня сягнуло 16,4 ГВт.", "Peak demand reached 16.4 gigawatts on Tuesday."),
    ("zh", "他说，力争在15日前扑灭明火。", "He said they aimed to put out the flames by Thursday."),
    ("ru", "Актёр скончался в Москве на 87-м году жизни. Об этом сообщил театр.",
     "The actor died in Moscow, the theater said. He was 86."),
    ("zh", "2026年全国高考正式开考。今年高考报名人数达1342万人。",
     "China's national college entrance exam got underway. A record 13.42 million students registered for this year's exam."),
    ("ja", "Ｈ３ロケット９号機が打ち上げられた。\n\n９号機は当初１０日に打ち上げる予定だった。",
     "The ninth H3 rocket was launched.\n\nThe launch had originally been scheduled for the 10th."),
    ("ja", "宇宙航空研究開発機構（ＪＡＸＡ）は衛星を打ち上げた。", "The Japan Aerospace Exploration Agency launched a satellite."),
    ("uk", "Атаки на вузли в Дніпропетровській та Одеській областях.", "Attacks on junctions in the Dnipropetrovsk and Odesa regions."),
    ("es", "Se desviaron escalas al puerto marroquí de Tánger Med.", "Port calls were diverted to Morocco's Tanger Med."),
    ("es", "La Unión de Viticultores de La Rioja lo denunció.", "The Union of Winegrowers of La Rioja condemned it."),
    # p29: a name translated around its noun; l'Opéra after de; València; between two; a save percentage as a
    # rate; a runner-up; the trifecta; two dates as the weekend's days; a length and a quarter; a Weibo handle kept
    # as written; 24小时巡查 around the clock
    ("es", "Los ministros de Pesca de la Unión Europea llegaron a un acuerdo.", "European Union fisheries ministers reached a deal."),
    ("fr", "Le chef tient l'Orchestre de l'Opéra avec énergie.", "The conductor leads the Opera orchestra with energy."),
    ("es", "València despide unas Fallas de récord.", "Valencia bids farewell to record Fallas."),
    ("fr", "Un repos minimum de 12 heures entre deux rotations.", "A minimum 12-hour rest between rotations."),
    ("ru", "Он одержал 16 побед при проценте отражённых бросков 93,4.", "He won 16 games with a .934 save percentage."),
    ("ja", "一方、２着の馬の調教師は話した。", "Meanwhile, the trainer of the runner-up said."),
    ("ja", "配当は単勝３２０円、３連単２万４５６０円だった。", "A win bet paid 320 yen and the trifecta 24,560 yen."),
    ("ja", "一般公開は１８、１９の両日で、入場券は２５ユーロ。", "The fair opens to the public on Saturday and Sunday; tickets cost 25 euros."),
    ("ja", "２着の馬が入り、着差は１馬身１／４。", "The runner-up finished 1 1/4 lengths behind."),
    ("zh", "网友可通过官方微博@成都大熊猫繁育研究基地 查看幼崽成长情况。", "Fans can follow the cubs on the base's Weibo account, @成都大熊猫繁育研究基地."),
    ("zh", "当地已安排专人对87处隐患点进行24小时巡查。", "Staff patrol the 87 hazard sites around the clock."),
    # a review of p28's fixes: the age in another block of the paragraph, eXploration, the Oxford comma
    ("ru", "Актёр скончался в Москве на 87-м году жизни, сообщил театр. Он играл на сцене 60 лет.",
     "The actor died in Moscow, the theater said.\n\nHe was 86. He played on stage for 60 years."),
    ("ja", "宇宙航空研究開発機構（ＪＡＸＡ）は衛星を打ち上げた。", "The Japan Aerospace eXploration Agency launched a satellite."),
    ("uk", "Атаки на вузли в Дніпропетровській, Запорізькій та Одеській областях.",
     "Attacks on junctions in the Dnipropetrovsk, Zaporizhzhia, and Odesa regions."),
    # a third review: the oblast's "regional" administration; a full-width ＠ in the source
    ("uk", "Голова Дніпропетровської обласної військової адміністрації Сергій Лисак повідомив, що двоє людей постраждали.",
     "The head of the Dnipropetrovsk regional military administration, Serhiy Lysak, said two people were hurt."),
    ("zh", "网友可通过官方微博＠成都大熊猫繁育研究基地 查看幼崽成长情况。",
     "Fans can follow the cubs on the base's Weibo account, @成都大熊猫繁育研究基地."),
    # p30: a wire dateline's date (also beside another date of the sentence); a sumo wrestler's ring name cut short
    # by the tagger; 48兆瓦, 48 megawatts; 百分之五十 as "more than half"; a city the paragraph named before;
    # Гірникам, "to the miners"
    ("ru", "МОСКВА, 15 октября. Цена бензина за неделю с 7 по 13 октября выросла на 0,6%.",
     "MOSCOW — The price of gasoline rose 0.6% in the week from Oct. 7 to 13."),
    ("uk", "ХАРКІВ, 8 листопада. Російські війська завдали удару по підстанції.", "KHARKIV, Ukraine — Russian forces struck a substation."),
    ("ja", "北勝嶺は鋭い立ち合いから右を差した。", "Hokushorei got his right arm inside off a sharp charge."),
    ("zh", "工厂屋顶还建有装机容量48兆瓦的光伏电站。", "The factory roof also has a 48-megawatt solar power plant."),
    ("zh", "新车销量中新能源汽车占比已超过百分之五十。", "New energy vehicles now account for more than half of new car sales."),
    ("uk", "У Харкові пролунали вибухи. Поранено шестеро людей, повідомив заступник міського голови Харкова.",
     "Explosions were heard in Kharkiv. Six people were wounded, the deputy mayor said."),
    ("uk", "Гірникам подавали воду через трубопровід діаметром 50 міліметрів.", "Water was pumped to the miners through a 50-millimeter pipe."),
    ("fr", "L'Olympique de Marseille s'est imposé aux tirs au but.", "Olympique de Marseille won on penalties."),
    ("fr", "L'Olympique de Marseille a fait match nul deux fois en tournée.", "Olympique de Marseille drew twice on tour."),
    ("fr", "Le film « Un dimanche d'août » sort en salles.", 'The film "Un dimanche d\'août" is coming to cinemas.'),
    # p32: three prefectures listed after a clause's time; six on five as "an extra attacker"
    ("ja", "気象庁は１９日午後、鹿児島、宮崎、熊本の３県に大雨特別警報を発表した。",
     "On Thursday afternoon the agency issued emergency heavy rain warnings for Kagoshima, Miyazaki and Kumamoto prefectures."),
    ("ru", "При игре шесть на пять Иван Лаптев сравнял счёт.", "With an extra attacker on the ice, Ivan Laptev tied the game."),
    # a review of p32's: a first name that ends as a time does (大分, 毎日, 中日) and lists of times are lists; six
    # on five in Ukrainian
    ("ja", "気象庁は大分、宮崎、鹿児島の３県に大雨特別警報を発表した。",
     "The agency issued emergency heavy rain warnings for Oita, Miyazaki and Kagoshima prefectures."),
    ("ja", "世論調査を行った毎日、朝日、読売の３紙はいずれも内閣支持率の低下を報じた。",
     "The Mainichi, Asahi and Yomiuri newspapers, which conducted opinion polls, all reported a fall in cabinet approval."),
    ("ja", "阪神と中日、巨人の３球団が来季の日程で合意した。",
     "The Hanshin Tigers, the Chunichi Dragons and the Yomiuri Giants agreed on next season's schedule."),
    ("ja", "同社は１０月、１１月、１２月の３カ月間、工場の操業を停止する。",
     "The company will halt production at the plant in October, November and December."),
    ("ja", "祭りは１９日、２０日、２１日の３日間開かれる。", "The festival will be held on the 19th, 20th and 21st."),
    ("ja", "２０２２年、２３年、２４年の３年連続で売上高が過去最高を更新した。", "Sales hit a record in 2022, 2023 and 2024."),
    ("uk", "Граючи шість на п'ять, Іван Лаптєв зрівняв рахунок.", "With an extra attacker, Ivan Laptev tied the game."),
    # p33: a Chinese price in tenths of itself, said the way round it is meant (8折 is "20% off" or "80% of the
    # fare"; 85折 15% off; 3-5折 50% to 70% off; 5折 half price; 8折叠加 is a discount stacked, not folding)
    ("zh", "洛阳地铁对扫码乘车的乘客实行票价8折优惠。", "Luoyang Metro is giving a 20% fare discount to riders who pay with the app."),
    ("zh", "会员购票可享8折。", "Members pay 80% of the full fare."),
    ("zh", "会员购票可享85折。", "Members get 15% off tickets."),
    ("zh", "商场部分商品3-5折销售。", "Some goods at the mall are sold at 50% to 70% off."),
    ("zh", "第二件商品5折。", "The second item is half price."),
    ("zh", "会员购票可享8折叠加优惠券。", "Members get 20% off tickets, which can be combined with coupons."),
    ("zh", "开通首月，乘客扫码乘车可享受九折优惠。", "During the first month, passengers who pay by QR code get a 10% discount."),
    ("zh", "这条线路的建设一波三折。", "Construction of the line suffered many setbacks."),  # (no discount: an idiom)
    # a review of those: more ways to say a discount ("discounted by 20%", "save 20%", "a 20-percent discount", "80%
    # of the original price", "discounts of up to 20%"), ranges written 3折至5折 and 五六折 (50 to 60% of the price)
    ("zh", "持学生证的乘客乘坐地铁享受8折优惠。", "Passengers with a student card get subway fares discounted by 20%."),
    ("zh", "持学生证的乘客乘坐地铁享受8折优惠。", "Passengers with a student card get a 20-percent discount on subway fares."),
    ("zh", "持学生证的乘客乘坐地铁享受8折优惠。", "Passengers with a student card pay 80% of the original price."),
    ("zh", "国庆期间，该商场冬装低至8折。", "During the National Day holiday, the mall offers discounts of up to 20% on winter clothing."),
    ("zh", "国庆期间，该商场冬装打3折至5折。", "During the National Day holiday, winter clothing at the mall is 50% to 70% off."),
    ("zh", "国庆期间，该商场很多冬装都打五六折。", "During the National Day holiday, many winter clothes at the mall are 40% to 50% off."),
    # p34: a Chinese paper's dateline given as an English one, without its date
    ("zh", "本报成都8月15日讯　记者从成都大熊猫繁育研究基地获悉，8月14日凌晨，大熊猫“柚柚”产下一对双胞胎幼崽。",
     "CHENGDU, China — Giant panda Youyou gave birth to twin cubs in the early hours of Aug. 14, the Chengdu base said."),
    # the 11th review: a discount said as "20% less"; 今日头条 (Toutiao) names no day; 当天 after another date is that
    # date's day
    ("zh", "会员购票可享8折。", "Members pay 20% less for tickets."),
    ("zh", "会员购票可享8折。", "Member tickets are 20 percent lower."),
    ("zh", "本报北京8月15日讯　据今日头条报道，该平台用户数突破一亿。",
     "BEIJING — The platform's users have passed 100 million, Toutiao reported."),
    ("zh", "本报成都8月15日讯　8月14日凌晨，大熊猫“柚柚”产下双胞胎，当天下午基地公布了消息。",
     "CHENGDU, China — Giant panda Youyou gave birth to twins in the early hours of Aug. 14, and the base announced it that afternoon."),
    # the 12th review: a discount beside another of the source's numbers of its figure (增长20%: "risen 20% ... 20%
    # off"); equal discounts given once; 以八折; 可八折购买; 3至5折; 今日美国 the paper; 《明日方舟》 a title
    ("zh", "今年以来，该市地铁客流量增长20%，从下月起，地铁票价一律打8折。",
     "Subway ridership in the city has risen 20% this year, and from next month all subway fares will be 20% off."),
    ("zh", "今年以来，该市地铁客流量增长20%，从下月起，地铁票价一律打8折。",
     "Subway ridership in the city has risen 20% this year, and from next month all subway fares will be cut by 20%."),
    ("zh", "活动期间，学生凭学生证购票打8折，60岁以上老人凭老年证购票同样打8折。",
     "During the promotion, students showing student cards and people over 60 showing senior cards both get 20% off tickets."),
    ("zh", "11月2日，该品牌新款羽绒服首发当天打8折，过季款式清仓价低至2折。",
     "On Nov. 2, the brand's new down jackets sold at 20% off on launch day, while last season's styles were cleared at as much as 80% off."),
    ("zh", "春节前夕，多家超市以八折的价格向市民供应年货。",
     "Ahead of the Spring Festival, several supermarkets are selling holiday goods to residents at 20% off."),
    ("zh", "即日起至月底，市民持身份证可八折购买景区门票。",
     "From today until the end of the month, residents showing their ID cards can buy tickets to the scenic area at 20% off."),
    ("zh", "11月11日当天，该商场3层至5层的服装区商品3至5折销售。", "On Nov. 11, clothing on floors 3 to 5 of the mall was sold at 50% to 70% off."),
    ("zh", "新华社纽约3月9日电 据今日美国报道，道琼斯指数收盘下跌逾800点。",
     "NEW YORK — The Dow Jones index closed down more than 800 points, USA Today reported."),
    ("zh", "新华社上海8月2日电 国产手游《明日方舟》全球玩家数量已突破1亿。",
     "SHANGHAI — The number of players of the Chinese mobile game Arknights worldwide has passed 100 million."),
    # the 13th review: a date, a length or a count of the source of a discount's figure leaves "20% off" to the
    # discount (only the source's shares are what a "20%" may be instead); 今日俄罗斯 is RT; 除夕当天 is the eve's
    # day; a range as "discounts of 50% to 70%" or "30% to 50% of the original price"
    ("zh", "新华社北京3月20日电 即日起，北京地铁对持学生证的乘客票价一律打8折。",
     "BEIJING — Starting today, Beijing's subway will give passengers with student cards 20% off all fares."),
    ("zh", "为吸引游客，这条全长20公里的观光线路票价一律打8折。",
     "To attract visitors, fares on the 12-mile sightseeing line will all be 20% off."),
    ("zh", "这是该航空公司10年来首次对国际航线机票打9折。",
     "It is the first time in a decade that the airline has offered 10% off tickets on its international routes."),
    ("zh", "新华社莫斯科3月9日电 今日俄罗斯援引俄国防部消息说，俄军控制了该地区3个村庄。",
     "MOSCOW — Russian forces have taken control of 3 villages in the region, RT reported, citing the Russian Defense Ministry."),
    ("zh", "新华社北京2月10日电 除夕当天，全国铁路发送旅客1050万人次。",
     "BEIJING — China's railways carried 10.5 million passengers on Lunar New Year's Eve."),
    ("zh", "“双11”期间，该商场冬装3至5折销售。", "During the Singles Day sales, the mall sold winter clothing at discounts of 50% to 70%."),
    ("zh", "“双11”期间，该商场冬装3至5折销售。",
     "During the Singles Day sales, the mall sold winter clothing at 30% to 50% of the original price."),
    # p31: a title's month kept as it is; a headline of names with "wins ... at"; the part served said as the
    # part suspended; 双11 named once as Singles Day
    ("es", "«Luz de agosto», que dura 2 minutos y 58 segundos, mezcla flamenco y pop.",
     '"Luz de agosto," which runs 2 minutes, 58 seconds, blends flamenco and pop.'),
    ("fr", "Tour de France : Mattéo Rouvière s'impose en solitaire à Superbagnères",
     "Rouvière wins Tour de France mountain stage solo at Superbagnères"),
    ("fr", "Le parquet a requis six ans d'emprisonnement, dont quatre ferme, contre lui.",
     "Prosecutors sought a six-year prison sentence, two years of it suspended."),
    ("zh", "“双11”购物节落幕。\n\n今年的“双11”是历年来周期最长的一届。",
     "Singles Day shopping festival ends.\n\nThis year's festival was the longest ever."),
    # a review of p31's fixes: the part served with its unit
    ("fr", "Le parquet a requis six ans de prison, dont quatre ans ferme, contre lui.",
     "Prosecutors sought a six-year prison sentence, two years of it suspended."),
    # a review of p30's fixes: a ring name after the wrestler's rank
    ("ja", "一方、大関琴乃峰（２６）は２敗目を喫した。", "Meanwhile, Ozeki Kotonomine, 26, suffered his second loss."),
])
def test_numbers_equal_across_locales(tmp_path, lang, source, target):
    (tmp_path / "s.txt").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(target + "\n", encoding="utf-8")
    assert findings("--source", str(tmp_path / "s.txt"), "--source-lang", lang, str(tmp_path / "t.txt")) == []


@pytest.mark.parametrize("lang, source, target, expected", [
    ("de", "Die Stadt hat 633 Einwohner.", "The town has 63 inhabitants.", (1, 14, "63")),
    # three zero decimals are no decimals: 5.000 millones is 5 billion, never 5 million
    ("es", "Invertirá 5.000 millones de euros.", "It will invest 5 million euros.", (1, 16, "5 million")),
    ("de", "Um 14:30 Uhr sprach er.", "He spoke at 4:30 pm.", (1, 13, "4")),
    ("fr", "Selon un sondage, 62 % des Français soutiennent l'aide.", "According to a poll, 26% of French people support the aid.", (1, 22, "26")),
    ("zh", "投资1亿2千万元。", "An investment of 100 million yuan.", (1, 18, "100 million")),
    ("ja", "売上高は24兆6300億円だった。", "Sales were 2.463 trillion yen.", (1, 12, "2.463 trillion")),
    ("de", "Das Gericht ordnete die Einziehung von 14,3 Millionen Euro an.", "The court ordered the seizure of 14 million euros.",
     (1, 34, "14 million")),  # a faithful rounding keeps three digits at least: this one lost the .3
    # a number word of the source is a number: "двоє дітей" left out is a dropped 2
    ("uk", "Ще 12 осіб дістали поранення, зокрема двоє дітей.", "Another 12 people were injured, including children.",
     (1, 1, "Another 12 people were injured, including children.")),
    ("es", "Le redujeron la inhabilitación a quince años.", "His ban was cut to 5 years.", (1, 20, "5")),
    ("uk", "Загинули 3162 людини.", "Some 3, 162 people died.", (1, 6, "3, 162")),
    ("zh", "约有1.8万人参加，其中有40名记者。", "About 18,000 people took part.", (1, 1, "About 18,000 people took part.")),
    ("ja", "死者は２５人に上った。", "The death toll rose.", (1, 1, "The death toll rose.")),
    ("zh", "同比增长百分之五点二。", "Up 2.5 percent year on year.", (1, 4, "2.5")),
    # one finding: the scale of 1万亿 is not a second number 万亿 left out
    ("zh", "今年拟发行特别国债1万亿元。", "It plans to issue 1 billion yuan of special bonds.", (1, 19, "1 billion")),
])
def test_numbers_dropped_changed_broken(tmp_path, lang, source, target, expected):
    (tmp_path / "s.txt").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(target + "\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "s.txt"), "--source-lang", lang, str(tmp_path / "t.txt"))
    nums = [f for f in found if f["rule"] == "Source.Numbers"]
    assert [(f["line"], f["column"], f["match"]) for f in nums] == [expected]
    assert source in nums[0]["message"]


def test_folder_pairs_and_unpaired_files(tmp_path):
    src, tgt = tmp_path / "src", tmp_path / "tgt"
    (src / "world").mkdir(parents=True)
    (tgt / "world").mkdir(parents=True)
    (src / "world" / "a.txt").write_text("Ракети влучили в Київ.\n", encoding="utf-8")
    (tgt / "world" / "a.txt").write_text("Missiles hit Kiev.\n", encoding="utf-8")
    (src / "b.txt").write_text("Лише джерело.\n", encoding="utf-8")
    (tgt / "c.txt").write_text("Only a translation.\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--source", str(src), str(tgt))
    assert result.exit_code == 2
    lines = result.stderr.strip().split("\n")
    assert lines == [
        f"mtlint: error: {src / 'b.txt'}: source without a translation (no target at the same relative path)",
        f"mtlint: error: {tgt / 'c.txt'}: no source for this translation (looked for {src / 'c.txt'})",
    ]
    found = [f for f in result.json() if f["rule"] == "Source.Terminology"]
    assert [(f["path"], f["line"], f["column"], f["match"]) for f in found] == [(str(tgt / "world" / "a.txt"), 1, 14, "Kiev")]


def test_xliff_1_2():
    path = BI / "report.xlf"
    found = findings(str(path))
    assert brief(found) == [
        ("Source.Terminology", 7, 30, "Kharkov"),
        ("Source.Numbers", 11, 33, "63"),
        ("Source.Entities", 15, 17, "Details at https://example.org"),
        ("Source.Entities", 15, 28, "https://example.org"),
    ]
    assert found[0]["suggestions"] == ["Kharkiv"] and found[0]["level"] == "error"
    assert_matches_file(path, found)


def test_xliff_2_0_entities_and_tags(tmp_path):
    path = BI / "report-2.0.xlf"
    found = findings(str(path))
    assert brief(found) == [("Source.Terminology", 7, 42, "Kiev"), ("Source.Entities", 13, 17, "The budget will be 1.5 million roubles.")]
    text = '<xliff version="2.0" srcLang="de" trgLang="en"><file id="f"><unit id="u"><segment>' \
           "<source>Es kamen 633 Leute &amp; Hunde.</source><target>Tom &amp; Jerry: 63\r\npeople came.</target>" \
           "</segment></unit></file></xliff>"
    p = tmp_path / "x.xlf"
    p.write_bytes(text.encode("utf-8"))
    found = findings(str(p))
    assert [(f["rule"], f["match"]) for f in found] == [("Source.Numbers", "63")]
    assert text[found[0]["offset"]:found[0]["offset"] + 2] == "63"


def test_segment_exports_tsv_and_jsonl(tmp_path):
    tsv = tmp_path / "export.tsv"
    tsv.write_text("source\ttarget\nDie Stadt hat 633 Einwohner.\tThe town has 63 inhabitants.\n", encoding="utf-8")
    assert brief(findings("--source-lang", "de", str(tsv))) == [("Source.Numbers", 2, 43, "63")]
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text(json.dumps({"source": "Die Stadt hat 633 Einwohner.", "target": "The \"café\" town has 63 inhabitants."},
                                ensure_ascii=True) + "\n", encoding="utf-8")
    found = findings("--source-lang", "de", str(jsonl))
    line = jsonl.read_text(encoding="utf-8")
    assert '\\u00e9' in line and brief(found) == [("Source.Numbers", 1, line.index("63 inh") + 1, "63")]
    assert_matches_file(jsonl, found)


GLOSSARIES = {
    "terms.csv": "source,target,forbidden\nSchuldenbremse,debt brake,debt break|debt limit\n",
    "terms.yaml": "terms:\n  - source: Schuldenbremse\n    target: debt brake\n    forbidden: [debt break, debt limit]\n",
    "basic.tbx": """<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="t1">
 <langSet xml:lang="de"><tig><term>Schuldenbremse</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>debt brake</term></tig>
  <tig><term>debt break</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>""",
    "v3.tbx": """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1">
 <langSec xml:lang="de"><termSec><term>Schuldenbremse</term></termSec></langSec>
 <langSec xml:lang="en"><termSec><term>debt brake</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>debt break</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>""",
}


@pytest.mark.parametrize("name", sorted(GLOSSARIES))
def test_glossaries(tmp_path, name):
    glossary = tmp_path / name
    glossary.write_text(GLOSSARIES[name], encoding="utf-8")
    (tmp_path / "s.txt").write_text("Die Schuldenbremse bleibt.\n\nDie Schuldenbremse gilt weiter.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The debt break stays.\n\nThe rule still applies.\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "s.txt"), "--glossary", str(glossary), str(tmp_path / "t.txt"))
    assert brief(found) == [("Source.Glossary", 1, 5, "debt break"), ("Source.GlossaryMissing", 3, 1, "The rule still applies.")]
    assert found[0]["suggestions"] == ["debt brake"] and found[0]["fix"]["replacement"] == "debt brake"


def test_glossary_from_config(tmp_path):
    (tmp_path / "terms.csv").write_text(GLOSSARIES["terms.csv"], encoding="utf-8")
    (tmp_path / ".mtlint.yaml").write_text("glossary: terms.csv\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Die Schuldenbremse bleibt.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The debt limit stays.\n", encoding="utf-8")
    assert brief(findings("--source", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"))) == [("Source.Glossary", 1, 5, "debt limit")]


def test_untranslated_script_and_entities(tmp_path):
    (tmp_path / "s.txt").write_text("首相は東京で記者団に語った。詳細は https://example.jp/a と @pmo_jp へ。\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("The prime minister 記者団 spoke in Tokyo. Details at https://example.jp/a and from the office.\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"))
    assert ("Source.Untranslated", 1, 20, "記者団") in brief(found)
    assert ("Source.Entities", 1, 40, "Details at https://example.jp/a and from the office.") in brief(found)
    assert "'@pmo_jp'" in [f for f in found if f["rule"] == "Source.Entities"][0]["message"]
    assert not [f for f in found if f["rule"] == "Source.Names"]  # a handle's letters are not a name


@pytest.mark.parametrize("name, content, message", [
    ("broken.xlf", "<xliff version='1.2'><file><body><trans-unit id='1'><source>a</source></body></xliff>", "not valid XML: mismatched tag"),
    ("other.xlf", "<html><body/></html>", "not an XLIFF file (root element <html>)"),
    ("bad.jsonl", '{"source": "a"}\n', 'each line must be an object with string "source" and "target"'),
    ("bad.tsv", "only one column\n", "a segment line needs a source and a target separated by a tab"),
])
def test_broken_bilingual_files_are_one_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli("check", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"mtlint: error: {path}:1: {message}"), lines


@pytest.mark.parametrize("content", ["<martif><text><body><termEntry>", "<root/>"])
def test_broken_termbase_is_one_line(tmp_path, content):
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(content, encoding="utf-8")
    (tmp_path / "t.txt").write_text("Text.\n", encoding="utf-8")
    result = run_cli("check", "--source", str(tmp_path / "t.txt"), "--glossary", str(tbx), str(tmp_path / "t.txt"))
    assert result.exit_code == 2
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"mtlint: error: {tbx}:1: not a"), lines


def test_missing_source_file_for_one_pair(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "t.txt").write_text("Text.\n", encoding="utf-8")
    result = run_cli("check", "--source", str(tmp_path / "src"), str(tmp_path / "t.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"mtlint: error: {tmp_path / 't.txt'}: no source for this translation "
                                     f"(looked for {tmp_path / 'src' / 't.txt'})")


def test_source_rule_examples_pass():
    result = run_cli("rules", "test", "Source")
    assert result.exit_code == 0, result.stdout
    assert "0 examples failed" in result.stdout


def pair(tmp_path, source, target, *extra):
    (tmp_path / "s.txt").write_text(source, encoding="utf-8")
    (tmp_path / "t.txt").write_text(target, encoding="utf-8")
    return findings("--source", str(tmp_path / "s.txt"), *extra, str(tmp_path / "t.txt"))


def test_cyrillic_names_through_romanisation(tmp_path):
    found = pair(tmp_path, "Президент Зеленський зустрівся з Олафом Шольцем у Києві. Про це повідомила Юлія Свириденко.\n",
                 "President Zelensky met Olaf Scholz in Kyiv. This was reported by the minister.\n")
    assert [(f["rule"], f["level"], f["line"], f["column"], f["match"]) for f in found] == [
        ("Source.CyrillicNames", "suggestion", 1, 45, "This was reported by the minister.")]
    assert "'Свириденко'" in found[0]["message"] and "Svyrydenko" in found[0]["message"]


def test_omission_and_missing_paragraph(tmp_path):
    source = ("The minister arrived in Kyiv on Monday.\n\n"
              "Talks with Denys Shmyhal covered the 2025 budget, air defence and the reconstruction of Kharkiv, "
              "which was shelled on 12 May.\n\nShe left on Tuesday.\n")
    target = "The minister arrived in Kyiv on Monday.\n\nShe left on Tuesday.\n"
    found = pair(tmp_path, source, target)
    assert brief(found) == [("Source.Paragraphs", 1, 1, "The minister arrived in Kyiv on Monday.")]
    assert "Denys Shmyhal" in found[0]["message"]
    found = pair(tmp_path, source.replace("\n\n", " "), target.replace("\n\n", " "))
    assert ("Source.Omission", 1, 1, "The minister arrived in Kyiv on Monday.") in brief(found)


def test_quotation_and_negation_suggestions(tmp_path):
    found = pair(tmp_path, "Sie sagte: „Wir werden die Steuern nicht erhöhen, niemals.“\n",
                 "She said the government would raise taxes.\n", "--source-lang", "de")
    assert sorted((f["rule"], f["level"], f["column"]) for f in found) == [
        ("Source.Negation", "suggestion", 1), ("Source.Quotations", "suggestion", 1)]


def test_diacritics_fix_is_applied(tmp_path):
    (tmp_path / "s.txt").write_text("Stéphane Séjourné était à Kyiv.\n", encoding="utf-8")
    target = tmp_path / "t.txt"
    target.write_text("Stephane Sejourne was in Kyiv.\n", encoding="utf-8")
    result = run_cli("check", "--fix", "--pack", "Source", "--source", str(tmp_path / "s.txt"), str(target))
    assert target.read_text(encoding="utf-8") == "Stéphane Séjourné was in Kyiv.\n", result.stdout


@pytest.mark.parametrize("source, target, expected", [
    ("有些冰超过十万年。", "Some ice is more than ten thousand years old.", (1, 23, "ten thousand")),
    ("想象一下，十亿年前，两个黑洞相撞。", "Imagine that two billion years ago, two black holes collided.", (1, 14, "two billion")),
    ("它升温至155华氏度。", "It warms to 115 Fahrenheit.", (1, 13, "115")),
])
def test_changed_numbers_point_at_the_wrong_figure(tmp_path, source, target, expected):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", "zh")
    assert [(f["line"], f["column"], f["match"]) for f in found if f["rule"] == "Source.Numbers"] == [expected]


def test_vague_chinese_quantities_are_not_figures(tmp_path):
    assert pair(tmp_path, "银河系中数千亿颗恒星，几百万倍。\n", "Hundreds of billions of stars, millions of times.\n",
                "--source-lang", "zh") == []


@pytest.mark.parametrize("source, target, expected", [
    ("Удари по Одесі, Миколаєву, Запоріжжю, Луганську, Чернігову, Дніпру, Рівному, Львову і Харкову.",
     "Strikes on Odessa, Nikolaev, Zaporozhye, Lugansk, Chernigov, Dnepropetrovsk, Rovno, Lvov and Kharkov.",
     [(12, "Odessa"), (20, "Nikolaev"), (30, "Zaporozhye"), (42, "Lugansk"), (51, "Chernigov"), (62, "Dnepropetrovsk"),
      (78, "Rovno"), (85, "Lvov"), (94, "Kharkov")]),
    ("Удары по Одессе, Николаеву и Киеву.", "Strikes on Odessa, Nikolayev and Kiev.",
     [(12, "Odessa"), (20, "Nikolayev"), (34, "Kiev")]),
    ("キーウで会談した。", "They met in Kiev.", [(13, "Kiev")]),
])
def test_every_outdated_place_name_is_an_error(tmp_path, source, target, expected):
    found = pair(tmp_path, source + "\n", target + "\n")
    terms = [f for f in found if f["rule"] == "Source.Terminology"]
    assert [(f["column"], f["match"]) for f in terms] == expected
    assert {f["level"] for f in terms} == {"error"}


def test_example_pairs_in_six_languages():
    pairs = BI / "pairs"
    found = findings("--source", str(pairs / "source"), str(pairs / "target"))
    got = {(f["path"].rsplit("/", 1)[-1], f["rule"], f["line"], f["column"], f["match"]) for f in found}
    for expected in [
        ("de.txt", "Source.Numbers", 3, 21, "125"),
        ("de.txt", "Source.Entities", 7, 29, "https://www.sachsen.de"),
        ("fr.txt", "Source.Terminology", 1, 35, "Kiev"),
        ("fr.txt", "Source.Diacritics", 3, 27, "Sejourne"),
        ("es.txt", "Source.Numbers", 3, 97, "Food rose by 4.1% and electricity fell."),
        ("ru.txt", "Source.Numbers", 3, 47, "63"),
        ("ru.txt", "Source.Terminology", 3, 38, "Kharkov"),
        ("zh.txt", "Source.Numbers", 3, 36, "1,800"),
        ("zh.txt", "Source.Untranslated", 5, 85, "详情请访问"),
        ("ja.txt", "Source.Numbers", 3, 98, "JR Hokkaido cancelled trains."),
        ("ja.txt", "Source.JapaneseNames", 5, 1, "At a press conference, the mayor asked people to refrain from going out unless necessary."),
    ]:
        assert expected in got, expected
    for f in found:
        assert_matches_file(pairs / "target" / f["path"].rsplit("/", 1)[-1], [f])


def test_target_still_in_a_latin_source_language(tmp_path):
    found = pair(tmp_path, "Die Regierung hat am Montag neue Hilfen beschlossen. Die Opposition kritisierte das Paket.\n",
                 "The government approved new aid on Monday. Die Opposition kritisierte das Paket scharf als ungenügend.\n")
    assert brief(found) == [("Source.Untranslated", 1, 44, "Die Opposition kritisierte das Paket scharf als ungenügend.")]


def test_utf16_xliff_whose_declaration_says_so(tmp_path):
    import codecs

    text = ('<?xml version="1.0" encoding="UTF-16"?>\n<xliff version="1.2"><file source-language="de" target-language="en">'
            "<body><trans-unit id='1'><source>Es kamen 633 Leute.</source><target>Some 63 people came.</target>"
            "</trans-unit></body></file></xliff>\n")
    path = tmp_path / "u16.xlf"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    found = findings(str(path))
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [
        ("Source.Numbers", 2, text.split("\n")[1].index("63 people") + 1, "63")]


def test_ungrouped_quantity_is_a_suggestion_with_an_unsafe_fix(tmp_path):
    source = "四万年前，我们还在洞穴里作画。有两万种兰花，电话 12345678。\n"
    target = "It was 40000 years ago.\nThere are 20000 species of orchids, tel. 12345678, and 001234 kits.\n"
    found = pair(tmp_path, source, target, "--source-lang", "zh")
    assert [(f["rule"], f["level"], f["line"], f["column"], f["match"]) for f in found] == [
        ("Source.NumberFormat", "suggestion", 1, 8, "40000"), ("Source.NumberFormat", "suggestion", 2, 11, "20000")]
    result = run_cli("check", "--unsafe-fixes", "--fix", "--pack", "Source", "--source-lang", "zh",
                     "--source", str(tmp_path / "s.txt"), str(tmp_path / "t.txt"))
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == target.replace("40000", "40,000").replace("20000", "20,000"), result.stdout


def test_misspelt_source_name_is_pointed_at(tmp_path):
    found = pair(tmp_path, "我在格陵兰岛的Kekertsuatsiak上拍摄了冰山，又去了Ilulissat。\n",
                 "I photographed an iceberg on Kekerattsusiak in Greenland, then went to the fjord.\n", "--source-lang", "zh")
    sentence = "I photographed an iceberg on Kekerattsusiak in Greenland, then went to the fjord."
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [
        ("Source.Names", 1, 1, sentence), ("Source.Names", 1, 30, "Kekerattsusiak")]
    assert "'Ilulissat' of the source is missing" in found[0]["message"]
    assert "'Kekertsuatsiak' of the source is spelled differently" in found[1]["message"]
    assert found[1]["fix"]["replacement"] == "Kekertsuatsiak" and found[1]["fix"]["applicability"] == "unsafe"


def test_misspelt_chinese_name_gets_the_sources_pinyin(tmp_path):
    found = pair(tmp_path, "国务院总理李克强周二在北京会见了外长王毅，并谈到香港。\n",
                 "Premier Li Keqing met Foreign Minister Wang Yi in Beijing and spoke of Hong Kong. Since Galileo, all is known.\n",
                 "--source-lang", "zh")
    assert [(f["rule"], f["level"], f["line"], f["column"], f["match"]) for f in found] == [
        ("Source.ChineseNames", "warning", 1, 9, "Li Keqing")]
    assert found[0]["fix"] == {"offset": 8, "length": 9, "replacement": "Li Keqiang", "applicability": "unsafe"}
    assert "李克强" in found[0]["message"]


@pytest.mark.parametrize("target, expected", [
    ("A hundred people came, twenty-five children and ten teachers.", []),
    # "ten" inside "often" is no number: the source's 10 is missing from this sentence
    ("A hundred people came, twenty-five children and often teachers.",
     [(1, 1, "A hundred people came, twenty-five children and often teachers.")]),
    # a doubled article is no number either (it once read as 1)
    ("A a hundred people came, twenty-five children and ten teachers.", []),
])
def test_number_words_stand_for_the_sources_figures(tmp_path, target, expected):
    (tmp_path / "s.txt").write_text("Es kamen 100 Menschen, 25 Kinder und 10 Lehrer.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text(target + "\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "s.txt"), "--source-lang", "de", str(tmp_path / "t.txt"))
    assert [(f["line"], f["column"], f["match"]) for f in found if f["rule"] == "Source.Numbers"] == expected


def test_alignment_with_empty_units_and_many_more_target_units_is_found():
    """Leading zero-length target units and 2:7 counts once left the search nowhere to start."""
    from lint.bilingual import align

    groups = align.align([100, 100], [0, 0, 0, 0, 0, 100, 100], None, 1.0)
    assert [(list(s), list(t)) for s, t in groups][-1] == ([1], [6])
    assert sum(len(t) for _, t in groups) == 7 and sum(len(s) for s, _ in groups) == 2


def test_number_words_after_a_letter_whose_lower_case_is_longer(tmp_path):
    """'İ' lower-cases to two characters: the number words after it are still read ('İstanbul' once hid them)."""
    (tmp_path / "s.txt").write_text("Istanbul hat 10 Bezirke und 25 Parks.\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("İstanbul has ten districts and twenty-five parks.\n", encoding="utf-8")
    found = findings("--source", str(tmp_path / "s.txt"), "--source-lang", "de", str(tmp_path / "t.txt"))
    assert [f for f in found if f["rule"] == "Source.Numbers"] == []


@pytest.mark.parametrize("text, months", [
    ("On 3 Sept. and in September, not in Sepember.", [9, 9]),
    ("In March we march; may it be May.", [3, 5]),
])
def test_english_month_names(text, months):
    from lint.bilingual import numbers

    assert [min(n.values) for n in numbers.extract(text, "en") if not n.text[0].isdigit()] == months


@pytest.mark.parametrize("text, lang", [
    ("東京で会議が開かれた。首相は記者団に対し、計画を続けると述べた。", "ja"),
    ("北京今天举行了会议。总理对记者说，计划将继续。", "zh"),
    ("서울에서 회의가 열렸다. 총리는 계획을 계속하겠다고 말했다.", "ko"),
    ("The minister said on Monday that the plan would go on, and that talks with the unions were in hand.", "en"),
    # one Japanese word does not make an English text Japanese
    ("The chef served a bowl of ramen (ラーメン) to the minister, who said that it was the best in the city.", "en"),
    # not told by script or English function words: py3langid's model decides
    ("Die Regierung hat am Montag in Berlin beschlossen, dass die Steuern nicht steigen werden, was viele "
     "überraschte. Der Minister sagte, man werde an dem Plan festhalten.", "de"),
    ("Уряд у понеділок оголосив, що податки не зростуть, і міністр пообіцяв продовжити переговори.", "uk"),
])
def test_source_language_detection(text, lang):
    from lint.bilingual.context import detect_language

    assert detect_language(text) == lang


@pytest.mark.parametrize("source, target", [
    # common words that share a place name's letters are no place (рівні "level", сім "seven", історію "history",
    # українська "Ukrainian", гірників "miners"), and "Ukrainian" is Ukraine's own word
    ("Інфляція сягне піку на рівні близько 15%.", "Inflation will peak at about 15%."),
    ("Команда має сім очок.", "The team has seven points."),
    ("Це найвищий показник за всю історію незалежності.", "It is the highest since independence."),
    ("Тренер «гірників» похвалив українських біженців.", "The Shakhtar coach praised the refugees."),
    ("Вболівальники вийшли з прапором України.", "Fans came out with a Ukrainian flag."),
])
def test_builtin_termbase_requires_only_place_names_it_finds(tmp_path, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", "uk")
    assert [f for f in found if f["rule"] == "Source.GlossaryMissing"] == []


def test_builtin_termbase_finds_an_inflected_place_name(tmp_path):
    found = pair(tmp_path, "Вибухи пролунали у Рівному.\n", "Explosions were heard in the city.\n", "--source-lang", "uk")
    missing = [f for f in found if f["rule"] == "Source.GlossaryMissing"]
    assert [(f["line"], f["column"], f["match"]) for f in missing] == [(1, 1, "Explosions were heard in the city.")]
    assert "Rivne" in missing[0]["message"]


@pytest.mark.parametrize("lang, source", [("vi", "Tổng thống đến thăm Kiev hôm thứ Hai."), ("fr", "Le président a visité Kiev lundi.")])
def test_a_latin_script_source_in_another_language_never_excuses_kiev(tmp_path, lang, source):
    found = pair(tmp_path, source + "\n", "The president visited Kiev on Monday.\n", "--source-lang", lang)
    assert [(f["rule"], f["level"], f["column"], f["match"]) for f in found] == [("Source.Terminology", "error", 23, "Kiev")]


def test_an_acronym_spelled_out_in_the_translation_is_not_missing(tmp_path):
    found = pair(tmp_path, "ホッキョクグマは国際自然保護連合（ＩＵＣＮ）のレッドリストで危急種に指定されている。\n",
                 "Polar bears are listed as vulnerable on the Red List of the International Union for Conservation of Nature.\n",
                 "--source-lang", "ja")
    assert [f for f in found if f["rule"] == "Source.Names"] == []
    found = pair(tmp_path, "ホッキョクグマは国際自然保護連合（ＩＵＣＮ）のレッドリストで危急種に指定されている。\n",
                 "Polar bears are listed as vulnerable on a red list.\n", "--source-lang", "ja")
    assert [(f["rule"], f["line"], f["column"]) for f in found if f["rule"] == "Source.Names"] == [("Source.Names", 1, 1)]


def test_an_acronym_in_the_sources_own_script_is_translated_not_missing(tmp_path):
    found = pair(tmp_path, "Генсек НАТО і голова ВДНХ заявили про підтримку.\n", "The NATO chief and the VDNKh head declared support.\n",
                 "--source-lang", "uk")
    assert [f for f in found if f["rule"] == "Source.Names"] == []


@pytest.mark.parametrize("lang, source, target, expected", [
    ("de", "Wir haben das nicht gewusst.", "We haven’t known that.", []),  # a curly apostrophe negates too
    ("es", "Sin embargo, el gobierno aprobó la ley.", "However, the government passed the law.", []),  # "however"
    ("es", "El gobierno no aprobó la ley.", "The government passed the law.", [(1, 1, "The government passed the law.")]),
])
def test_negation_lost(tmp_path, lang, source, target, expected):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [(f["line"], f["column"], f["match"]) for f in found if f["rule"] == "Source.Negation"] == expected


def test_a_dropped_sentence_without_numbers_or_names_is_an_omission(tmp_path):
    first = ("El Tribunal Supremo ha confirmado la condena de seis años y medio de prisión al exconsejero andaluz.\n\n",
             "The Supreme Court has upheld a six-and-a-half-year prison sentence for the former regional minister.\n\n")
    last = ("\n\nSu abogado anunció que acudirá al Tribunal Constitucional en el plazo de treinta días. El caso, el mayor "
            "escándalo de corrupción en la historia de la región, ha supuesto ya la condena de una veintena de altos "
            "cargos.\n\nLa fiscalía pidió que se investigue también a los responsables de la supervisión de las ayudas, "
            "que durante años no detectaron ninguna irregularidad en los expedientes.\n",
            "\n\nHis lawyer said he would take the case to the Constitutional Court within thirty days. The case, the "
            "biggest corruption scandal in the region's history, has already led to the conviction of some twenty senior "
            "officials.\n\nProsecutors asked that those responsible for overseeing the aid also be investigated, since for "
            "years they detected no irregularity in the files.\n")
    source = (first[0] + "Según el tribunal, entre 2000 y 2009 se repartieron de forma irregular unos 680 millones de euros en "
              "ayudas. Un centenar de empresas recibieron subvenciones sin ningún control, y casi la mitad de los "
              "beneficiarios no tenía relación con las compañías afectadas." + last[0])
    kept = "According to the court, some 680 million euros in aid were handed out irregularly between 2000 and 2009."
    found = [f for f in pair(tmp_path, source, first[1] + kept + last[1], "--source-lang", "es") if f["rule"] == "Source.Omission"]
    assert [(f["line"], f["column"], f["match"]) for f in found] == [(3, 1, kept)]
    assert "Un centenar de empresas" in found[0]["message"]
    merged = (kept[:-1] + ", and a hundred companies got grants without any oversight, almost half of the recipients "
              "having no link to the firms concerned.")
    assert [f for f in pair(tmp_path, source, first[1] + merged + last[1], "--source-lang", "es")
            if f["rule"] == "Source.Omission"] == []


def test_a_sentence_left_in_the_sources_script_is_one_finding(tmp_path):
    source = "从主要省份看，河南夏粮产量为3779万吨，继续位居全国第一；山东、安徽分别为2736万吨和1719万吨。"
    found = pair(tmp_path, "夏粮产量增加。\n\n" + source + "\n", "Summer grain output rose.\n\n" + source + "\n",
                 "--source-lang", "zh")
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("Source.Untranslated", 3, 1)]


def test_diacritics_after_an_article_are_an_institutions_not_a_persons(tmp_path):
    found = pair(tmp_path, "Selon le ministère de l’Éducation nationale, Stéphane Dupont a démissionné.\n",
                 "According to the Education Ministry, Stephane Dupont resigned.\n", "--source-lang", "fr")
    assert [(f["rule"], f["match"]) for f in found if f["level"] != "suggestion"] == [("Source.Diacritics", "Stephane")]


@pytest.mark.parametrize("lang, source, target, expected", [
    # what the readings added for faithful translations must not excuse (a review of them found each one)
    ("fr", "Ils ont été condamnés à entre deux et trois ans.", "They were sentenced to between two and five years.",
     ("Source.Numbers", 1, 1, "They were sentenced to between two and five years.")),
    ("fr", "Lors des affrontements, quatre Palestiniens ont été tués mardi.",
     "In the clashes, three Palestinians were killed on Tuesday.",
     ("Source.Numbers", 1, 1, "In the clashes, three Palestinians were killed on Tuesday.")),
    ("es", "¡Dos muertos en el incendio!", "Five dead in the fire!", ("Source.Numbers", 1, 1, "Five dead in the fire!")),
    ("uk", "Сили оборони звільнили дві висоти.", "The defence forces liberated five heights.",
     ("Source.Numbers", 1, 1, "The defence forces liberated five heights.")),
    ("zh", "GDP增长3.45%。", "GDP grew 45%.", ("Source.Numbers", 1, 10, "45")),
    ("de", "Vor einem Jahr starben dort 12 Menschen.", "A year ago, 21 people died there.", ("Source.Numbers", 1, 13, "21")),
    ("de", "6 Angeklagte wurden zu 7,5 Jahren verurteilt.", "9 defendants were sentenced to seven and a half years.",
     ("Source.Numbers", 1, 1, "9 defendants were sentenced to seven and a half years.")),
    ("de", "Erdbeben in der Türkei: 2000 Tote\n\nBei dem Beben starben 2000 Menschen.",
     "Earthquake in Turkey: 200 dead\n\nSome 2,000 people died in the quake.", ("Source.Numbers", 1, 23, "200")),
    ("zh", "3月15日，市政府今天宣布了新规定。", "On March 16, the city government announced new rules today.",
     ("Source.Numbers", 1, 10, "16")),
    ("uk", "Ворог обстріляв Шахтарське.", "The enemy shelled Shakhtarsk.",
     ("Source.GlossaryMissing", 1, 1, "The enemy shelled Shakhtarsk.")),
    ("uk", "Хмельницький атакували дрони вночі.", "Drones attacked the city overnight.",
     ("Source.GlossaryMissing", 1, 1, "Drones attacked the city overnight.")),
    ("es", "Murió Fernando de la Rúa.", "Fernando de la Rua died.", ("Source.Diacritics", 1, 16, "Rua")),
    # a zoned time keeps its minutes; a shared scale is no licence for another figure; a grade needs its grade word
    ("fr", "La fusée a décollé à 23h24 à Paris.", "The rocket lifted off at 2135 GMT.",
     ("Source.Numbers", 1, 26, "2135")),
    ("ru", "Пострадавшим выплатят от 200 до 500 тыс. руб.", "The injured will receive 300,000 to 500,000 rubles.",
     ("Source.Numbers", 1, 26, "300,000")),
    ("ja", "主将の佐藤悠真（４年）が走った。", "Captain Yuma Sato ran.", ("Source.Numbers", 1, 1, "Captain Yuma Sato ran.")),
    # a weekday does not excuse a day whose month an English date names; a count that is not the list's
    ("ja", "農林水産省は3月19日に発表した。", "The farm ministry announced it on Monday, March 18.",
     ("Source.Numbers", 1, 49, "18")),
    ("ja", "200位以内は東大と京大の３校にとどまった。", "Only Tokyo and Kyoto made the top 200.",
     ("Source.Numbers", 1, 1, "Only Tokyo and Kyoto made the top 200.")),
    # found by a review of the day's readings: a centner's tenth is for its own figures, a GMT time for a zone's
    # offset from a source time that has no zone, a school year for its own grade word, a range's scale for a range
    ("uk", "Урожайність становила 48 ц/га на площі 200 гектарів.", "The yield was 4.8 tonnes per hectare on 20 hectares.",
     ("Source.Numbers", 1, 41, "20")),
    ("fr", "La fusée a décollé à 23h24 GMT.", "The rocket lifted off at 2224 GMT.", ("Source.Numbers", 1, 26, "2224")),
    ("ja", "ロケットは23時24分に打ち上げられた。", "The rocket lifted off at 0524 GMT.",
     ("Source.Numbers", 1, 1, "The rocket lifted off at 0524 GMT.")),
    ("ja", "主将の佐藤悠真（４年）が走った。", "Captain Yuma Sato, a second-year student, ran.",
     ("Source.Numbers", 1, 1, "Captain Yuma Sato, a second-year student, ran.")),
    ("ru", "Погибли 12 человек, пострадали 40 и 3 тыс. эвакуированы.", "12 people died, 40,000 were injured and 3,000 evacuated.",
     ("Source.Numbers", 1, 17, "40,000")),
    ("zh", "话题#西湖星光音乐节#阅读量已突破3.2亿次。", "The hashtag #西湖星光音乐节#阅读量已突破 was viewed 320 million times.",
     ("Source.Untranslated", 1, 22, "阅读量已突破")),
    ("uk", "Україна отримала нову допомогу від партнерів.", "Ukraina received new aid from partners.",
     ("Source.GlossaryMissing", 1, 1, "Ukraina received new aid from partners.")),
    # found by a second review: a weekday excuses no month an English date changes, nor the end of a range of days
    # given wrong; a katakana name's ・ and a clause's 、 list nothing; a dropped h is a slip, also sentence-first;
    # a later figure of a centner's sentence is tonnes only after a preposition; a time with its zone is not moved
    ("ja", "農林水産省は3月19日に発表した。", "The farm ministry announced it on Monday, April 19.",
     ("Source.Numbers", 1, 1, "The farm ministry announced it on Monday, April 19.")),
    ("ja", "農林水産省は3月19日に発表した。", "The farm ministry announced it on Monday, March 18th.",
     ("Source.Numbers", 1, 49, "18")),
    ("ja", "農林水産省は19日、５月５～11日のコメの価格を発表した。", "The farm ministry said on Monday what rice cost from May 5-12.",
     ("Source.Numbers", 1, 60, "12")),
    ("ja", "ジョー・バイデン大統領の2期目が始まった。", "President Joe Biden's term began.",
     ("Source.Numbers", 1, 1, "President Joe Biden's term began.")),
    ("ja", "昨年、トヨタの2工場が停止した。", "Last year Toyota's plants stopped.",
     ("Source.Numbers", 1, 1, "Last year Toyota's plants stopped.")),
    ("fr", "Le Premier ministre Boris Johnson est arrivé à Paris.", "Prime Minister Boris Jonson arrived in Paris.",
     ("Source.Names", 1, 22, "Jonson")),
    ("de", "Das Treffen fand gestern in Madrid statt.", "Mardid hosted the meeting yesterday.", ("Source.Names", 1, 1, "Mardid")),
    ("uk", "Урожайність становила 48 ц/га, а в господарстві працюють 120.",
     "The yield was 4.8 tonnes per hectare, and the farm employs 12.", ("Source.Numbers", 1, 60, "12")),
    ("ru", "Ракета стартовала в 14:30 по московскому времени.", "The rocket lifted off at 0430 GMT.",
     ("Source.Numbers", 1, 1, "The rocket lifted off at 0430 GMT.")),
    ("ja", "協定世界時23時24分に打ち上げた。", "It lifted off at 1424 GMT.", ("Source.Numbers", 1, 1, "It lifted off at 1424 GMT.")),
    ("zh", "网友在#西湖音乐节，纷纷表示期待明年再来。", "Users under #西湖音乐节，纷纷表示期待明年再来。",
     ("Source.Untranslated", 1, 20, "纷纷表示期待明年再来")),
    ("ja", "終値は３万６５４５円４２銭だった。", "It closed at 36,545.24 yen.", ("Source.Numbers", 1, 14, "36,545.24")),
    ("es", "La obra costó 2.528 millones de dólares.", "The project cost $2.8 billion.", ("Source.Numbers", 1, 18, "$2.8 billion")),
    # found by a third review: the sen are part of the amount, と inside によると lists nothing, a later figure of a
    # centner's sentence is tonnes only after a comparison, an English date whose day the source lacks may be a
    # bare day's own translation; a surname's particle is no institution's article
    ("ja", "円相場は１ドル＝１５０円９２銭で取引された。", "The yen traded at 150 to the dollar.", ("Source.Numbers", 1, 19, "150")),
    ("ja", "警察によると、容疑者の３人が逮捕された。", "According to police, the suspects were arrested.",
     ("Source.Numbers", 1, 1, "According to police, the suspects were arrested.")),
    ("uk", "Урожайність сягнула 45 ц/га, а кількість агрофірм у районі зросла до 50.",
     "The yield reached 4.5 tonnes per hectare, and the number of farms in the district rose to 5.", ("Source.Numbers", 1, 91, "5")),
    ("ja", "政府は３月に新法を発表し、２０日に施行する。", "The government announced the law in March, and it takes effect on Friday, March 21.",
     ("Source.Numbers", 1, 81, "21")),
    ("fr", "Le prix a été remis à J.M.G. Le Clézio mardi.", "The prize was awarded to J.M.G. Le Clezio on Tuesday.",
     ("Source.Diacritics", 1, 36, "Clezio")),
    # found by a fourth review: a rounding is no licence where the shown figure is another source figure's own; a
    # life date changed inside the brackets; として is no list; an era ends no sentence, so its next word is a name
    ("es", "Los ingresos fueron de 2.528 millones de euros y los gastos de 2.500 millones.",
     "Revenue was 2.258 billion euros and spending 2.5 billion.", ("Source.Numbers", 1, 13, "2.258 billion")),
    ("fr", "Une toile de Rosa Bonheur (1822-1899) a été vendue.",
     "A painting by the 19th-century painter Rosa Bonheur (1832-1899) was sold.", ("Source.Numbers", 1, 54, "1832")),
    ("ja", "彼は日本代表としての２試合に出場した。", "He played in three matches for the Japanese national team.",
     ("Source.Numbers", 1, 1, "He played in three matches for the Japanese national team.")),
    ("uk", "Запеклі бої тривають у Гуляйполі.", "Fierce fighting continues in the town.",
     ("Source.GlossaryMissing", 1, 1, "Fierce fighting continues in the town.")),
    ("zh", "吨钢综合能耗降至538千克标准煤。", "Energy use fell to 583 kilograms of standard coal per ton of steel.",
     ("Source.Numbers", 1, 20, "583")),
    ("es", "El tren salió a las 10.15 horas y el billete costó 12.50 euros.", "The train left at 10:15 and the ticket cost 12 euros.",
     ("Source.Numbers", 1, 45, "12")),
    ("es", "Cerró a las 10.15 horas a 12.50 pesos por acción.", "It closed at 10:15 at 12 pesos a share.",
     ("Source.Numbers", 1, 23, "12")),
    ("ja", "投資額は3千米ドルだった。", "The investment was 3 dollars.", ("Source.Numbers", 1, 20, "3")),
    ("es", "Lo dijo Pedro Sánchez en Madrid.", "Pedro Sanchez said so in Madrid.", ("Source.Diacritics", 1, 7, "Sanchez")),
    # a seventh review's: Spanish names ending like Slavic ones, a person or a place after "de", a price before a time
    ("es", "La ministra Lucía Molina habló.", "Minister Lucia Molina spoke.", ("Source.Diacritics", 1, 10, "Lucia")),
    ("es", "El museo recuerda a Eva Perón cada año.", "The museum remembers Eva Peron every year.",
     ("Source.Diacritics", 1, 26, "Peron")),
    ("es", "El Gobierno de García Page aprobó el presupuesto.", "The Garcia Page government approved the budget.",
     ("Source.Diacritics", 1, 5, "Garcia")),
    ("es", "Estudia en la Universidad de Concepción.", "She studies at the University of Concepcion.",
     ("Source.Diacritics", 1, 34, "Concepcion")),
    ("es", "El menú cuesta 12.50 hasta las 16.00 horas.", "The menu costs 12 until 16:00.", ("Source.Numbers", 1, 16, "12")),
    ("ja", "ペレスは打率４割１分７厘をマークした。", "Perez batted .471.", ("Source.Numbers", 1, 15, "471")),
    ("zh", "近三成五岁以下儿童贫血。", "Nearly 35% of children under five are anaemic.", ("Source.Numbers", 1, 8, "35")),
    ("es", "El dólar cerró en 17.25 a las 14.00 horas.", "The dollar closed at 17 at 2 p.m.", ("Source.Numbers", 1, 22, "17")),
    ("es", "El presupuesto es de dos mil 500 millones de pesos.", "The budget is 1.5 billion pesos.",
     ("Source.Numbers", 1, 15, "1.5 billion")),
    ("zh", "该公司市场份额占三成五以下。", "The company has less than 30% of the market.", ("Source.Numbers", 1, 27, "30")),
    ("zh", "该电站装机容量为30万千瓦。", "The plant has a capacity of 30 megawatts.", ("Source.Numbers", 1, 29, "30")),
    ("uk", "У Рівному Олег Петренко сказав, що все спокійно.", "Oleh Petrenko said everything was calm.",
     ("Source.GlossaryMissing", 1, 1, "Oleh Petrenko said everything was calm.")),
    # ... and an eleventh's: a compass town before a lower-case word, a fraction given as a tiny per cent, a date
    # after a sum in thousands
    ("uk", "У Південному сталася пожежа.", "A fire broke out in the town.",
     ("Source.GlossaryMissing", 1, 1, "A fire broke out in the town.")),
    ("zh", "4分之1的居民支持该计划。", "0.25% of residents support the plan.",
     ("Source.Numbers", 1, 1, "0.25% of residents support the plan.")),
    ("uk", "Кожен пенсіонер отримає по 5 тис. 20 березня.", "Each pensioner will receive 5,020 hryvnias on March 20.",
     ("Source.Numbers", 1, 29, "5,020")),
    ("es", "El Gobierno destinará dieciséis mil 500 millones de pesos.", "The government will allocate 1.5 billion pesos.",
     ("Source.Numbers", 1, 30, "1.5 billion")),
    ("es", "El economista Juan Córdova habló ayer.", "The economist Juan Cordova spoke yesterday.",
     ("Source.Diacritics", 1, 20, "Cordova")),
    ("es", "Mejoró en 58 centésimas su marca personal.", "He improved his personal best by 0.85 seconds.",
     ("Source.Numbers", 1, 34, "0.85")),
    ("ja", "死者は昨年と同数の２人だった。", "The death toll was the same as last year.",
     ("Source.Numbers", 1, 1, "The death toll was the same as last year.")),
    ("es", "Las pintoras Rosa Bonheur (1822-1899) y Mary Cassatt (1844-1926) expusieron juntas.",
     "The 19th-century painters Rosa Bonheur (1822-1926) and Mary Cassatt (1844-1926) exhibited together.",
     ("Source.Numbers", 1, 1, "The 19th-century painters Rosa Bonheur (1822-1926) and Mary Cassatt (1844-1926) exhibited together.")),
    ("uk", "Матч пройшов у Сумах.", "The match took place in Sumi.",
     ("Source.Terminology", 1, 25, "Sumi")),
    # a weekday excuses its date only when it is the same day and no English date of that month stands beside it
    ("ru", "Суд в четверг, 13 марта, вынес приговор.", "The court passed sentence on Friday.",
     ("Source.Numbers", 1, 1, "The court passed sentence on Friday.")),
    ("ru", "Суд в четверг, 13 марта, вынес приговор.", "The court passed sentence on Thursday, March 14.",
     ("Source.Numbers", 1, 46, "14")),
    ("de", "Am Donnerstag, dem 13. März, tagte der Rat.", "The council met on Thursday, March 31.", ("Source.Numbers", 1, 36, "31")),
    ("zh", "国铁集团6月27日宣布，新运行图将于7月1日起实行。", "China Railway announced on Friday, June 28, that the new timetable will take effect on July 1.",
     ("Source.Numbers", 1, 41, "28")),
    ("es", "Evite salir entre las 12.00 y las 18.00 horas.", "Avoid going out between 1 p.m. and 6 p.m.", ("Source.Numbers", 1, 25, "1")),
    ("de", "Nguyễn Thành Đạt gewann das Turnier in Hanoi.", "Nguyễn Thành Đạt gewann das Turnier in Hanoi.",
     ("Source.Untranslated", 1, 1, "Nguyễn Thành Đạt gewann das Turnier in Hanoi.")),
    # a twelfth review: a weekday beside an English date the source does not give (another month), a year kept
    # out of the date (a changed year; a count after the month), 12.00 of a price, a headline in capitals, a
    # person in brackets after a department, Orléans in a person's name
    ("ru", "Суд в четверг, 13 марта, вынес приговор.", "The court passed sentence on Thursday, April 13.",
     ("Source.Numbers", 1, 1, "The court passed sentence on Thursday, April 13.")),
    ("ru", "Суд в четверг, 13 марта 2025 года вынес приговор.", "The court passed sentence on Thursday in 2024.",
     ("Source.Numbers", 1, 42, "2024")),
    ("fr", "Jeudi 13 mars 2000 personnes ont manifesté à Paris.", "On Thursday, 200 people demonstrated in Paris.",
     ("Source.Numbers", 1, 14, "200")),
    ("de", "Das Ticket kostet 12.00 Euro; der Verkauf beginnt mittags.", "The ticket costs 10 euros; sales begin at midday.",
     ("Source.Numbers", 1, 18, "10")),
    ("de", "EILMELDUNG: BUNDESTAG WÄHLT 2 NEUE MINISTER", "EILMELDUNG: BUNDESTAG WÄHLT 2 NEUE MINISTER",
     ("Source.Untranslated", 1, 1, "EILMELDUNG: BUNDESTAG WÄHLT 2 NEUE MINISTER")),
    ("ja", "問い合わせは広報部（田中太郎）まで。", "Inquiries should be sent to the public relations department.",
     ("Source.JapaneseNames", 1, 1, "Inquiries should be sent to the public relations department.")),
    ("fr", "Le poète Charles d'Orléans est né en 1394.", "The poet Charles d'Orleans was born in 1394.",
     ("Source.Diacritics", 1, 20, "Orleans")),
    ("ja", "青森明陵は二回、４番・工藤陽向選手の左越え２点本塁打で先制。",
     "Aomori Meiryo took the lead in the second inning on a two-run homer to left by leadoff hitter Hinata Kudo.",
     ("Source.Numbers", 1, 1, "Aomori Meiryo took the lead in the second inning on a two-run homer to left by leadoff hitter Hinata Kudo.")),
    ("ja", "赤ちゃんは2カ月で約13倍に成長した。", "The cubs have grown about twelvefold in two months.",
     ("Source.Numbers", 1, 1, "The cubs have grown about twelvefold in two months.")),
    ("ja", "飼育員が交代で12時間態勢で見守ってきた。", "Keepers have taken turns watching over them around the clock.",
     ("Source.Numbers", 1, 1, "Keepers have taken turns watching over them around the clock.")),
    ("ja", "佐々木蒼真（ささき・そうま）投手は１０回を一人で投げ抜いた。", "The ace pitched all 10 innings.",
     ("Source.JapaneseNames", 1, 1, "The ace pitched all 10 innings.")),
    # a thirteenth review: 12 and 24 hours of length are no clock time (12小时 no noon, 24時 no round the clock),
    # a surname's reading no excuse for a given name, a bare day beside the weekday, 12.00 before a currency,
    # German nouns no names, a wrong compound fold
    ("zh", "谈判持续了12小时，于中午结束。", "The talks ended at noon.", ("Source.Numbers", 1, 1, "The talks ended at noon.")),
    ("de", "Die Geschäfte haben bis 24 Uhr geöffnet.", "The shops are open around the clock.",
     ("Source.Numbers", 1, 1, "The shops are open around the clock.")),
    ("ja", "兄の佐々木蒼真（ささき・そうま）投手と弟の佐々木大輔（ささき・だいすけ）捕手が活躍した。",
     "Catcher Daisuke Sasaki and his older brother, the pitcher, played well.",
     ("Source.JapaneseNames", 1, 1, "Catcher Daisuke Sasaki and his older brother, the pitcher, played well.")),
    ("es", "El boleto del metro subirá a 12.00 pesos a partir del mediodía del lunes.",
     "The subway fare will rise starting at noon on Monday.",
     ("Source.Numbers", 1, 1, "The subway fare will rise starting at noon on Monday.")),
    ("de", "Wetter: Sonne, Höchstwerte 25 Grad, Nachts 10 Grad", "Wetter: Sonne, Höchstwerte 25 Grad, Nachts 10 Grad",
     ("Source.Untranslated", 1, 1, "Wetter: Sonne, Höchstwerte 25 Grad, Nachts 10 Grad")),
    ("ja", "売上高は25倍に増えた。", "Sales increased twenty-fourfold.", ("Source.Numbers", 1, 1, "Sales increased twenty-fourfold.")),
    ("fr", "Le trajet passera de sept heures à environ 4 h 30.", "The journey will be cut from seven hours to about three and a half hours.",
     ("Source.Numbers", 1, 1, "The journey will be cut from seven hours to about three and a half hours.")),
    ("ja", "4日後に結果が出る。", "Results will come on Friday.", ("Source.Numbers", 1, 1, "Results will come on Friday.")),
    # a fourteenth review: a clock time is no length (à 14 h 30 is not 870 minutes), an English "2 hours 30
    # minutes" no 2.5, ja 10日前後 "about ten days" no date, a score or a time after a weekday no day, a weekday
    # that is a name (Plácido Domingo), a length within round-the-clock work, a team in katakana no reading
    ("fr", "À 14 h 30, ils étaient 870 manifestants.", "At 2:50 p.m., there were 870 protesters.", ("Source.Numbers", 1, 6, "50")),
    ("fr", "Le vol dure 2 heures 30 minutes. Les prix des billets ont augmenté de 2,5 %.",
     "The flight takes 2 hours 30 minutes. Ticket prices rose 2.8%.", ("Source.Numbers", 1, 57, "2.8")),
    ("ja", "入院期間は10日前後の見込みで、田中さんは金曜日に手術を受けた。",
     "The hospital stay is expected to last about three days, and Tanaka had surgery on Friday.",
     ("Source.Numbers", 1, 1, "The hospital stay is expected to last about three days, and Tanaka had surgery on Friday.")),
    ("de", "Bayern gewann am Samstag 3:1 gegen Dortmund.", "Bayern beat Dortmund 2-1 on Saturday.",
     ("Source.Numbers", 1, 1, "Bayern beat Dortmund 2-1 on Saturday.")),
    ("es", "El tenor Plácido Domingo, 82, cantará el domingo en Madrid.", "Tenor Plácido Domingo, 28, will sing in Madrid on Sunday.",
     ("Source.Numbers", 1, 24, "28")),
    ("de", "Die Polizei war rund um die Uhr im Einsatz und meldete binnen 24 Stunden 30 Festnahmen.",
     "Police were deployed around the clock and reported 30 arrests within 48 hours.",
     ("Source.Numbers", 1, 1, "Police were deployed around the clock and reported 30 arrests within 48 hours.")),
    ("ja", "東京マラソンで鈴木健吾（トヨタ）が優勝した。", "A Toyota runner won the Tokyo Marathon.",
     ("Source.JapaneseNames", 1, 1, "A Toyota runner won the Tokyo Marathon.")),
    ("ja", "当日有権者数は1万3,636人だった。", "There were 13,363 registered voters on the day.", ("Source.Numbers", 1, 12, "13,363")),
    ("ru", "Схемы опубликованы на портале города, сообщила мэрия.", "The maps are published on the портале города, the city hall said.",
     ("Source.Untranslated", 1, 31, "портале города")),
    # a fifteenth review: an address takes no CJK clause before it or after its slash, a currency code after 12.00,
    # a stats line's labels are no names, katakana after a name is an affiliation, not its reading
    ("zh", "详情请访问市政府官方网站www.bj.gov.cn。", "For details, 详情请访问市政府官方网站www.bj.gov.cn。",
     ("Source.Untranslated", 1, 14, "详情请访问市政府官方网站")),
    ("es", "Al mediodía, el dólar cerró a 12.00 PEN en Lima.", "At noon, the dollar closed at 3.70 PEN in Lima.",
     ("Source.Numbers", 1, 1, "At noon, the dollar closed at 3.70 PEN in Lima.")),
    ("de", "Spiele 30, Siege 20, Niederlagen 5.", "Spiele 30, Siege 20, Niederlagen 5.",
     ("Source.Untranslated", 1, 1, "Spiele 30, Siege 20, Niederlagen 5.")),
    ("ja", "鈴木健吾（バイエルン・ミュンヘン）が得点した。", "Bayern Munich scored.", ("Source.JapaneseNames", 1, 1, "Bayern Munich scored.")),
    ("ja", "60代以降の約30点が最後の一室にある。", "Some 30 pieces from her fifties onwards are in the last room.",
     ("Source.Numbers", 1, 1, "Some 30 pieces from her fifties onwards are in the last room.")),
    ("fr", "L'Insee publiera ses résultats jeudi à 8 h 45.", "INSEE will publish its results on Thursday at 9.45 a.m.",
     ("Source.Numbers", 1, 1, "INSEE will publish its results on Thursday at 9.45 a.m.")),
    # a sixteenth review: a weekday in capitals outside a dateline, or capitalised after a bracket with a bare
    # figure, is a surname (PLÁCIDO DOMINGO, 81; (Середа, 23)); two untranslated stats lines vouch for no name;
    # 24 Stunden im Einsatz is a length
    ("es", "PLÁCIDO DOMINGO, 81, CANTA EL DOMINGO EN MADRID", "Plácido Domingo, 83, sings in Madrid on Sunday",
     ("Source.Numbers", 1, 18, "83")),
    ("uk", "У середу «Динамо» перемогло «Шахтар» з рахунком 1:0 (Середа, 23).", "On Wednesday Dynamo beat Shakhtar 1-0 (Sereda, 32).",
     ("Source.Numbers", 1, 48, "32")),
    ("de", "Die Retter waren 24 Stunden im Einsatz.", "Rescuers worked around the clock for 48 hours.",
     ("Source.Numbers", 1, 1, "Rescuers worked around the clock for 48 hours.")),
    # a seventeenth review: the nouns that keep an ordinal from being a day are whole words (voters is no vote),
    # and a CJK clause glued to a Latin domain is no label of it
    ("zh", "详情请登录官方网站abc.com查询。", "For details, 请登录官方网站abc.com.", ("Source.Untranslated", 1, 14, "请登录官方网站")),
    ("fr", "La surface passe de 7 000 à 8 400 m², soit 20 % de plus.", "The space grows from 7,000 to 8,400 square meters, a quarter more.",
     ("Source.Numbers", 1, 1, "The space grows from 7,000 to 8,400 square meters, a quarter more.")),
    ("fr", "Un bus, deux fois plus cher selon elle.", "A bus line, which she said would cost half as much.",
     ("Source.Numbers", 1, 1, "A bus line, which she said would cost half as much.")),
    ("uk", "На 90+2-й хвилині Юрченко забив гол.", "Yurchenko scored in the second minute of the second half.",
     ("Source.Numbers", 1, 1, "Yurchenko scored in the second minute of the second half.")),
    ("ja", "太陽の約1000兆倍の質量を持つ。", "It has a mass about 1 trillion times that of the sun.",
     ("Source.Numbers", 1, 21, "1 trillion")),
    # an eighteenth review: a share is no clock time (12.00 % at noon), and a match's half or half-time no half
    ("fr", "Le taux a atteint 12.00 % à midi.", "The rate peaked at noon.", ("Source.Numbers", 1, 1, "The rate peaked at noon.")),
    ("fr", "Le taux est de 50 % à la mi-temps.", "The rate stood at half-time.", ("Source.Numbers", 1, 1, "The rate stood at half-time.")),
    ("ja", "全国漁業協同組合の田中太郎組合長によると、水揚げ量は約3万8700トン。",
     "According to the cooperative's head, the catch was about 38,700 tonnes.",
     ("Source.JapaneseNames", 1, 1, "According to the cooperative's head, the catch was about 38,700 tonnes.")),
    # probe set p22: the excuses of 百帕, décimas and a headline's rounding leave other values reported (a headline
    # figure is excused only as a body figure cut to fewer digits: not 13 for 12 beside the body's 13, nor a year)
    ("es", "El déficit podría situarse en el 2,9 % del PIB, dos décimas por encima del objetivo.",
     "The deficit could reach 2.9% of GDP, 0.3 percentage points above target.",
     ("Source.Numbers", 1, 1, "The deficit could reach 2.9% of GDP, 0.3 percentage points above target.")),
    ("zh", "中心最低气压为950百帕。", "The minimum central pressure was 905 hectopascals.", ("Source.Numbers", 1, 34, "905")),
    ("zh", "台风登陆 逾42万人紧急转移\n\n全省共紧急转移群众42.6万人。",
     "Typhoon makes landfall; more than 462,000 evacuated\n\nA total of 426,000 people across the province had been evacuated.",
     ("Source.Numbers", 1, 35, "462,000")),
    ("zh", "台风致12人死亡\n\n台风已造成12人死亡，另有13人失踪。", "Typhoon kills 13\n\nThe typhoon has killed 12 people, and 13 others are missing.",
     ("Source.Numbers", 1, 15, "13")),
    ("zh", "2025年经济增长5%\n\n2025年经济增长5%，与2024年持平。", "Economy grew 5% in 2024\n\nThe economy grew 5% in 2025, the same as in 2024.",
     ("Source.Numbers", 1, 20, "2024")),
    # probe set p23's excuses leave other values and spellings reported
    ("ru", "Прокуратура просила для подсудимого 7,5 года заключения.", "Prosecutors had asked for a 7 1/4-year prison term for the defendant.",
     ("Source.Numbers", 1, 29, "7")),
    ("zh", "同比增长3.1倍。", "Up 130% year on year.", ("Source.Numbers", 1, 4, "130")),
    ("zh", "目前已冻结涉案资金3600余万元。", "More than 3.6 million yuan has been frozen.", ("Source.Numbers", 1, 11, "3.6 million")),
    ("es", "La investigación, bautizada como Operación Calíope, se inició en marzo.", "The investigation, dubbed Operacoin Calíope, began in March.",
     ("Source.Names", 1, 27, "Operacoin")),
    ("uk", "Леся Українка жила в Україні.", "Lesia Ukrainka lived in Kyiv.", ("Source.GlossaryMissing", 1, 1, "Lesia Ukrainka lived in Kyiv.")),
    ("ja", "工学部３年の石黒蒼真さん（21）は「大変だ」と話す。", '"It is hard," said a third-year engineering student, 21.',
     ("Source.JapaneseNames", 1, 1, '"It is hard," said a third-year engineering student, 21.')),
    # a review of those: 增长N倍's percent reading is no excuse for a bare N + 1 nearby; the feminine place names'
    # endings keep their adjective-shaped cases (Лозової, Боровій) and the oblast adjectives (Одеську область);
    # -tion only for nouns English spells so, never a given name; another person's surname before a space is not
    # the name's
    ("zh", "前4个月，新能源汽车出口增长了3倍。", "In the first four months, exports of new-energy vehicles rose sharply.",
     ("Source.Numbers", 1, 1, "In the first four months, exports of new-energy vehicles rose sharply.")),
    ("uk", "Російські війська обстріляли центр Лозової.", "Russian troops shelled the centre of the town.",
     ("Source.GlossaryMissing", 1, 1, "Russian troops shelled the centre of the town.")),
    ("uk", "У Боровій пролунали вибухи.", "Explosions were heard in Borovoi.", ("Source.GlossaryMissing", 1, 1, "Explosions were heard in Borovoi.")),
    ("uk", "Ракета влучила в Одеську область.", "A missile hit the southern region.", ("Source.GlossaryMissing", 1, 1, "A missile hit the southern region.")),
    ("es", "La ministra Purificación Causapié visitó la zona.", "Minister Purification Causapié visited the area.",
     ("Source.Names", 1, 10, "Purification")),
    ("es", "La Asociación Rompe Cadenas presentó una denuncia.", "The Asociation Rompe Cadenas filed a complaint.", ("Source.Names", 1, 5, "Asociation")),
    ("ja", "写真は左から佐藤 鈴木花子さん。佐藤さんは「楽しかった」と話した。", "From left in the photo: Sato and another member. Sato said it had been fun.",
     ("Source.JapaneseNames", 1, 1, "From left in the photo: Sato and another member.")),
    # probe set p24's excuses leave the errors beside them reported
    ("es", "13.20 | Primera estimación: el fuego afecta a unas 2.300 hectáreas.", "3:40 p.m. | First estimate: the fire covers some 2,300 hectares.",
     ("Source.Numbers", 1, 1, "3")),
    ("fr", "Le final vire au feu d'artifice du 14-Juillet.", "The finale turned into a fireworks display.",
     ("Source.Numbers", 1, 1, "The finale turned into a fireworks display.")),
    ("ja", "2人乗りは3000円となる。", "Riding three to a bicycle will cost 3,000 yen.", ("Source.Numbers", 1, 1, "Riding three to a bicycle will cost 3,000 yen.")),
    ("zh", "凯斯勒一百多年积累的工程能力。", "Kessler's engineering capability built up over more than a decade.",
     ("Source.Numbers", 1, 1, "Kessler's engineering capability built up over more than a decade.")),
    ("ja", "観客は四万人だった。", "The crowd was 4,000.", ("Source.Numbers", 1, 15, "4,000")),
    # a review of those: half a century is no century; a passenger anywhere is no 2人乗り; an English day's name
    # excuses its own date only (not July 4 beside the Place de la Bastille, nor August 25 beside Bastille Day); a
    # dash after a figure opening a sentence is a list's, not a live report's time; ・ between numerals is a range
    ("de", "Das Unternehmen besteht seit 100 Jahren.", "The company has existed for half a century.",
     ("Source.Numbers", 1, 1, "The company has existed for half a century.")),
    ("ja", "2人乗りのボートに5人が乗っていた。", "Five passengers were on the boat.", ("Source.Numbers", 1, 1, "Five passengers were on the boat.")),
    ("fr", "Entre le 14-Juillet et le 15-Août, les plages sont pleines.", "Between Bastille Day and August 25, the beaches are full.",
     ("Source.Numbers", 1, 33, "25")),
    ("fr", "Le 14-Juillet, des manifestants se sont rassemblés place de la Bastille.",
     "On July 4, protesters gathered at the Place de la Bastille.", ("Source.Numbers", 1, 9, "4")),
    ("es", "2.35 — Juan Pérez (Cuba), nuevo récord de salto de altura.", "2 — Juan Pérez (Cuba), new high jump record.", ("Source.Numbers", 1, 1, "2")),
    # probe set p25's: another multiple's word, another address
    ("ja", "中国からの旅客は前年同月の約2倍に回復した。", "Passengers from China roughly tripled from a year earlier.",
     ("Source.Numbers", 1, 1, "Passengers from China roughly tripled from a year earlier.")),
    ("zh", "市民可发送邮件至zoo_naming@hzzoo.cn参与。", "The public can take part by e-mail to zoo-naming@hzzoo.cn.",
     ("Source.Entities", 1, 1, "The public can take part by e-mail to zoo-naming@hzzoo.cn.")),
    # a review of those: a multiple's word excuses only a multiple that grew, alone in its sentence: not 增长了2倍 (up
    # 200%), a fall (упали в 2 раза), occasions (2 fois, 2 раза в неделю), two multiples (2-fache, 3-fache), nor a noun
    # that begins like -fach (Fachleute)
    ("zh", "出口额增长了2倍。", "Exports doubled.", ("Source.Numbers", 1, 1, "Exports doubled.")),
    ("ru", "Цены упали в 2 раза.", "Prices doubled.", ("Source.Numbers", 1, 1, "Prices doubled.")),
    ("ru", "Поезд ходит 2 раза в неделю.", "The train service doubled this week.", ("Source.Numbers", 1, 1, "The train service doubled this week.")),
    ("fr", "Il a été élu 2 fois.", "He doubled his vote.", ("Source.Numbers", 1, 1, "He doubled his vote.")),
    ("de", "Der Umsatz stieg um das 2-fache, der Gewinn um das 3-fache.", "Revenue tripled and profit doubled.",
     ("Source.Numbers", 1, 1, "Revenue tripled and profit doubled.")),
    ("de", "Die Zahl der Anfragen hat sich verdoppelt, sagten 2 Fachleute.", "The number of requests has doubled, three experts said.",
     ("Source.Numbers", 1, 1, "The number of requests has doubled, three experts said.")),
    # probe set p26's: a name that opens a quotation is no title; the decimal read is compared
    ("fr", "« Séjourné a menti », a-t-il dit.", '"Sejourne lied," he said.', ("Source.Diacritics", 1, 2, "Sejourne")),
    ("ja", "高齢者の約３・６人に１人にあたる。", "That is about one in 6.3 older people.", ("Source.Numbers", 1, 22, "6.3")),
    # (and of the multiples: a fall between the growth and the figure; 增长近2倍 as doubled; a punycode address changed)
    ("ru", "Цены выросли в 2 раза, а зарплаты упали в 3 раза.", "Prices doubled and wages tripled.",
     ("Source.Numbers", 1, 1, "Prices doubled and wages tripled.")),
    ("zh", "出口额增长近2倍。", "Exports nearly doubled.", ("Source.Numbers", 1, 1, "Exports nearly doubled.")),
    ("ru", "Пишите на info@xn--80ak6aa92e.xn--p1ai.", "Write to info@xn--80ak6aa92e.xn--p1a.", ("Source.Entities", 1, 10, "info@xn--80ak6aa92e.xn--p1a")),
    # (a review of those: growth inside another word, подростки, Ростелеком; a fall after it, замедлился, рухнули; a
    # comparative of less, в 3 раза реже; a swap beside another figure, За 3 года; a name chanted alone is no title)
    ("ru", "Подростки стали курить в 3 раза реже.", "Teen smoking has tripled.", ("Source.Numbers", 1, 1, "Teen smoking has tripled.")),
    ("ru", "Абоненты Ростелекома стали звонить в 2 раза реже.", "Rostelecom subscribers' calls have doubled.",
     ("Source.Numbers", 1, 1, "Rostelecom subscribers' calls have doubled.")),
    ("ru", "Рост ВВП замедлился в 2 раза.", "GDP growth doubled.", ("Source.Numbers", 1, 1, "GDP growth doubled.")),
    ("ru", "За 3 года выручка выросла в 2 раза, а прибыль — в 3 раза.", "Over 3 years, revenue tripled and profit doubled.",
     ("Source.Numbers", 1, 1, "Over 3 years, revenue tripled and profit doubled.")),
    ("fr", "La foule scandait « Séjourné » devant la mairie.", 'The crowd chanted "Sejourne" outside the town hall.', ("Source.Diacritics", 1, 20, "Sejourne")),
    # probe set p27's: a hashtag romanised wrong; the figure a conversion follows is still checked
    ("ru", "Болельщики вывели в тренды хештег #ЗоринНаш.", "Fans sent the hashtag #ZorinVash trending.",
     ("Source.Entities", 1, 1, "Fans sent the hashtag #ZorinVash trending.")),
    ("zh", "此次火灾过火面积约870公顷（约合1.3万亩），未造成人员伤亡。", "The fire burned about 780 hectares (about 2,150 acres), with no casualties.",
     ("Source.Numbers", 1, 23, "780")),
    ("es", "Tiene la mitad de habitantes que en los años ochenta.", "It has half as many inhabitants as in the 1970s.",
     ("Source.Numbers", 1, 43, "1970")),
    ("fr", "Le trajet demandait près de 1 h 30.", "The journey took almost an hour and 20 minutes.", ("Source.Numbers", 1, 37, "20")),
    # (a review of those: a conversion's figure changed in its own unit; 合 that opens a word (合格率, 合肥) is no
    # conversion; a hashtag inside a longer one is not there; a body's translated name in brackets is counted)
    ("zh", "全程5公里（合3.1英里）。", "The course is 5 km (1.3 miles) long.", ("Source.Numbers", 1, 21, "1.3")),
    # (a last review: a decade is no single year; an ordinal is no decade; "des années" before a share, "años"
    # without an article, are no decades; an hour and a half is no 1 h 45)
    ("es", "En los años 80 cerró.", "It closed in 1980.", ("Source.Numbers", 1, 14, "1980")),
    ("ru", "Он занял 20-е место.", "He finished 2020.", ("Source.Numbers", 1, 13, "2020")),
    ("fr", "Il y a des années 80 % des gens votaient.", "Years ago 1980 people voted.", ("Source.Numbers", 1, 11, "1980")),
    ("es", "Durante años 40 familias vivieron allí.", "For 1940 families lived there.", ("Source.Numbers", 1, 5, "1940")),
    ("fr", "Le trajet demandait près de 1 h 45.", "The journey took an hour and a half.",
     ("Source.Numbers", 1, 1, "The journey took an hour and a half.")),
    ("zh", "市场监管局共抽检食品200批次（合格率为95.5%），其余批次已依法处置。", "Regulators tested 200 batches of food; the rest were dealt with.",
     ("Source.Numbers", 1, 1, "Regulators tested 200 batches of food; the rest were dealt with.")),
    ("zh", "全省新增就业人口12万人（合肥市占4.2万人），同比增长。", "The province added 120,000 jobs, up year on year.",
     ("Source.Numbers", 1, 1, "The province added 120,000 jobs, up year on year.")),
    ("ru", "Пользователи запустили хештег #Москва, а другие — #МоскваСила.", "Users launched the hashtag #MoskvaSila.",
     ("Source.Entities", 1, 1, "Users launched the hashtag #MoskvaSila.")),
    ("zh", "出席会议的有世界卫生组织（World Health Organization）、联合国儿童基金会（United Nations Children's Fund）、国际红十字委员会"
           "（International Committee of the Red Cross）和无国界医生组织（Doctors Without Borders）的代表。与会代表一致认为，各方应当"
           "进一步加强合作，共同应对日益严峻的全球公共卫生挑战，并呼吁各国政府加大对基层卫生体系的投入。会议最后通过了一份联合声明。",
     "Representatives of the World Health Organization, the United Nations Children's Fund, the International Committee of "
     "the Red Cross and Doctors Without Borders attended the meeting. The meeting ended with the adoption of a joint statement.",
     ("Source.Omission", 1, 1, "Representatives of the World Health Organization, the United Nations Children's Fund, the "
      "International Committee of the Red Cross and Doctors Without Borders attended the meeting. The meeting ended with "
      "the adoption of a joint statement.")),
    # p28's excuses leave errors reported: a changed year beside the weekday, a date left out where the source
    # names the weekday of another, the 15th days ago, a repeated designation changed, a year the source does
    # not call this year, an acronym whose name is left out, Odessa among the regions
    ("de", "Er starb am Sonntag, dem 12. Oktober 2025.", "He died Sunday in 2024.", ("Source.Numbers", 1, 19, "2024")),
    ("uk", "У понеділок прибули гості, а 22 липня сягнуло піку.", "Guests arrived Monday, and demand peaked.",
     ("Source.Numbers", 1, 1, "Guests arrived Monday, and demand peaked.")),
    ("ja", "Ｈ３ロケット９号機が打ち上げられた。\n\n９号機は当初１０日に打ち上げる予定だった。",
     "The ninth H3 rocket was launched.\n\nThe No. 7 had originally been scheduled for the 10th.",
     ("Source.Numbers", 3, 1, "The No. 7 had originally been scheduled for the 10th.")),
    ("zh", "2021年全国高考正式开考。今年高考报名人数达1342万人，2026年将更多。",
     "China's national college entrance exam got underway. A record 13.42 million students registered for this year's exam, "
     "and more will in 2026.", ("Source.Numbers", 1, 1, "China's national college entrance exam got underway.")),
    ("ja", "米国は北大西洋条約機構（ＮＡＴＯ）加盟国と協議した。", "The United States held talks.",
     ("Source.Names", 1, 1, "The United States held talks.")),
    ("uk", "Атаки на вузли в Дніпропетровській та Одеській областях.", "Attacks on junctions in the Dnipropetrovsk and Odessa regions.",
     ("Source.Terminology", 1, 48, "Odessa")),
    # p29's excuses leave errors reported: a person's other name kept (Luis Carrion), the two of "two rotations"
    # said, a rate that is another figure, a second place left out, a handle the source does not give
    ("es", "Lo dijo el alcalde Luis Carrión ayer.", "Mayor Luis Carrion said so yesterday.", ("Source.Diacritics", 1, 12, "Carrion")),
    ("ru", "Процент отражённых бросков 93,4.", "A .943 save percentage.", ("Source.Numbers", 1, 4, "943")),
    ("ja", "一方、２着の馬の調教師は話した。", "Meanwhile, the trainer of the winner said.",
     ("Source.Numbers", 1, 1, "Meanwhile, the trainer of the winner said.")),
    ("zh", "网友可通过官方微博查看幼崽成长情况。", "Fans can follow the cubs on Weibo, @成都大熊猫繁育研究基地.",
     ("Source.Untranslated", 1, 37, "成都大熊猫繁育研究基地")),
    # a review of p28's fixes: an age that is another of the source's figures; a count of other people with a
    # kana particle after it; 9号機 inside 19号機; a designation changed into another figure of the paragraph;
    # an acronym a single word could spell; two dates for one weekday; a weekday inside a name; last year's
    # figure beside this year's forecast
    ("ru", "Актёр скончался на 87-м году жизни. Он снялся в 86 фильмах.", "The actor has died. He appeared in 86 films.",
     ("Source.Numbers", 1, 1, "The actor has died.")),
    ("ja", "事故で3人が死亡した。\n\n警察によると、ほかに3人が重傷を負った。",
     "Three people died in the accident.\n\nPolice said others were seriously injured.",
     ("Source.Numbers", 3, 1, "Police said others were seriously injured.")),
    ("ja", "原発の19号機は9日に停止した。\n\n9号機は運転を続けている。", "Reactor No. 19 was shut down on the 9th.\n\nThe reactor continues to operate.",
     ("Source.Numbers", 3, 1, "The reactor continues to operate.")),
    ("ja", "Ｈ３ロケット９号機が打ち上げられた。\n\n９号機は当初１０日に打ち上げる予定だった。",
     "The ninth H3 rocket was launched.\n\nRocket No. 10 had originally been scheduled to launch on the 10th.",
     ("Source.Numbers", 3, 1, "Rocket No. 10 had originally been scheduled to launch on the 10th.")),
    ("ja", "米国は北大西洋条約機構（ＮＡＴＯ）加盟国と協議した。", "The United States held talks with National Security Council members.",
     ("Source.Names", 1, 1, "The United States held talks with National Security Council members.")),
    ("uk", "Пікове споживання 22 липня сягнуло 16,4 ГВт, перевищивши рекорд 3 січня 2024 року.",
     "Peak demand reached 16.4 gigawatts on Tuesday, beating the previous record.",
     ("Source.Numbers", 1, 1, "Peak demand reached 16.4 gigawatts on Tuesday, beating the previous record.")),
    ("ru", "Как сообщила 3 мая 2019 года газета Sunday Times, сделка сорвалась.", "The deal fell through, the Sunday Times reported.",
     ("Source.Numbers", 1, 1, "The deal fell through, the Sunday Times reported.")),
    ("zh", "2023年全国GDP增长5.2%。今年预计增长5%左右。", "GDP grew 5.2 percent. This year it is expected to grow about 5 percent.",
     ("Source.Numbers", 1, 1, "GDP grew 5.2 percent.")),
    # a review of p29's fixes: a title before a surname is no translated name; entre 2 et 4 is a range; a rate
    # excuses only a figure with decimals; 位 counting people; ＠ as "at"; a handle the source does not give;
    # a changed quarter length; Guillaume de l'Hôpital
    ("es", "Lo dijo el alcalde Luis Carrión ayer.", "Mayor Carrion said so yesterday.", ("Source.Diacritics", 1, 7, "Carrion")),
    ("fr", "Le vol dure entre 2 et 4 heures.", "The flight lasts between 3 and 4 hours.",
     ("Source.Numbers", 1, 1, "The flight lasts between 3 and 4 hours.")),
    ("ja", "大谷は打率３割、３０本塁打を記録した。", "Ohtani hit .300 with home runs.", ("Source.Numbers", 1, 1, "Ohtani hit .300 with home runs.")),
    ("zh", "获得亚军的选手感谢了2位教练。", "The runner-up thanked her coaches.", ("Source.Numbers", 1, 1, "The runner-up thanked her coaches.")),
    ("ja", "コンサート＠東京ドームは満員だった。", "The concert @東京ドーム was sold out.", ("Source.Untranslated", 1, 14, "東京ドーム")),
    ("zh", "成都大熊猫繁育研究基地发布了视频。", "@成都大熊猫繁育研究基地 released a video.", ("Source.Untranslated", 1, 2, "成都大熊猫繁育研究基地")),
    ("ja", "着差は３馬身１／４だった。", "The margin was 3 1/2 lengths.", ("Source.Numbers", 1, 16, "3")),
    ("fr", "Le mathématicien Guillaume de l'Hôpital publia son traité en 1696.",
     "The mathematician Guillaume de l'Hopital published his treatise in 1696.", ("Source.Diacritics", 1, 34, "Hopital")),
    # a third review: last year's figure in this year's sentence; IAEA is no International Energy Agency; a
    # possessive and a title are no cognates; "at 86" of an address, "86 out of 100"; a weekday the calendar
    # denies; a German compound weekday; the marquis de l'Hôpital; a designation changed beside a dropped date;
    # a range after its unit; a weekday the translator changed; a handle run on into the text
    ("zh", "2023年GDP增长5.2%，今年预计增长5%左右。", "GDP grew 5.2 percent, and this year it is expected to grow about 5 percent.",
     ("Source.Numbers", 1, 1, "GDP grew 5.2 percent, and this year it is expected to grow about 5 percent.")),
    ("ja", "国際原子力機関（ＩＡＥＡ）は声明を発表した。", "The International Energy Agency issued a statement.",
     ("Source.Names", 1, 1, "The International Energy Agency issued a statement.")),
    ("es", "La familia de Carrión Gómez pidió justicia.", "Carrion Gomez's family called for justice.", ("Source.Diacritics", 1, 1, "Carrion")),
    ("es", "Según el Profesor Carrión, la obra es auténtica.", "According to Professor Carrion, the work is authentic.",
     ("Source.Diacritics", 1, 24, "Carrion")),
    ("ru", "Актёр скончался на 87-м году жизни.", "The actor has died at his home at 86 Tverskaya Street.", ("Source.Numbers", 1, 35, "86")),
    ("ru", "Актёр скончался на 87-м году жизни. Рейтинг его последнего фильма составил 86 баллов из 100.",
     "The actor has died. His last film was rated 86 out of 100.", ("Source.Numbers", 1, 1, "The actor has died.")),
    ("uk", "Пікове споживання 22 липня 2025 року сягнуло 16,4 ГВт.", "Peak demand reached 16.4 gigawatts on Friday.",
     ("Source.Numbers", 1, 1, "Peak demand reached 16.4 gigawatts on Friday.")),
    ("de", "Am Sonntagabend, dem 12. Oktober, wählte Wien einen neuen Bürgermeister.", "Vienna elected a new mayor on Saturday evening.",
     ("Source.Numbers", 1, 1, "Vienna elected a new mayor on Saturday evening.")),
    ("fr", "La règle de l'Hôpital doit son nom au marquis de l'Hôpital.", "L'Hopital's rule is named after the Marquis de l'Hopital.",
     ("Source.Diacritics", 1, 50, "Hopital")),
    ("ja", "Ｈ３ロケット９号機が打ち上げられた。\n\n９号機は当初１０日に打ち上げる予定だった。",
     "The ninth H3 rocket was launched.\n\nRocket No. 10 had originally been scheduled to launch earlier.",
     ("Source.Numbers", 3, 1, "Rocket No. 10 had originally been scheduled to launch earlier.")),
    ("fr", "L'inflation devrait se situer entre 2 % et 4 % entre janvier et mars.",
     "Inflation is expected to be between 3% and 4% between January and March.",
     ("Source.Numbers", 1, 1, "Inflation is expected to be between 3% and 4% between January and March.")),
    ("zh", "网友可通过官方微博@成都大熊猫繁育研究基地查看幼崽成长情况。", "Netizens can follow the official Weibo @成都大熊猫繁育研究基地查看幼崽成长情况.",
     ("Source.Untranslated", 1, 41, "成都大熊猫繁育研究基地查看幼崽成长情况")),
    # p30's excuses leave errors reported: a dateline's date the English gives changed; a name followed by a
    # title; 48兆 of a currency is a scale; a German sentence left untranslated, its "in" the German word
    ("ru", "МОСКВА, 15 октября. Цена бензина выросла на 0,6%.", "MOSCOW, Oct. 16 — The price of gasoline rose 0.6%.",
     ("Source.Numbers", 1, 14, "16")),
    ("ja", "甘利明税調会長は会見で述べた。", "The tax panel chairman told a news conference.",
     ("Source.JapaneseNames", 1, 1, "The tax panel chairman told a news conference.")),
    ("de", "Der Konzern begründete den Schritt, sagte die 58-Jährige in einer Telefonkonferenz.",
     "Der Konzern begründete den Schritt, sagte die 58-Jährige in einer Telefonkonferenz.",
     ("Source.Untranslated", 1, 1, "Der Konzern begründete den Schritt, sagte die 58-Jährige in einer Telefonkonferenz.")),
    # a review of p30's fixes: a dateline's date changed (a day of another month's figure, the 16th, the year);
    # a person before 宅; 兆欧元 (trillions) as euros; a termbase place replaced by another; an
    # English sentence of names with "on"
    ("ru", "МОСКВА, 15 октября. Цена бензина за неделю до 13 октября выросла на 16 копеек.",
     "MOSCOW — On Oct. 16, gasoline prices rose 16 kopecks in the week to Oct. 13.",
     ("Source.Numbers", 1, 1, "MOSCOW — On Oct. 16, gasoline prices rose 16 kopecks in the week to Oct. 13.")),
    ("ru", "МОСКВА, 15 октября 2024. Цена бензина выросла на 0,6%.", "MOSCOW — The price of gasoline rose 0.6% in 2023.",
     ("Source.Numbers", 1, 45, "2023")),
    ("ja", "警察は山田太郎宅を家宅捜索した。", "Police searched the home of the suspect.",
     ("Source.JapaneseNames", 1, 1, "Police searched the home of the suspect.")),
    ("zh", "欧盟成员国的公共债务总额约为13兆欧元。", "The total public debt of EU member states is about 13 euros.",
     ("Source.Numbers", 1, 52, "13")),
    ("uk", "У Харкові вночі пролунали вибухи. Загинула одна людина. Увечері ракета влучила в Харків.",
     "Explosions were heard in Kharkiv overnight. One person was killed. In the evening a missile hit Kherson.",
     ("Source.GlossaryMissing", 1, 68, "In the evening a missile hit Kherson.")),
    # p31's excuses leave errors reported: the part suspended given wrong; 双11 never named
    ("fr", "Le parquet a requis six ans d'emprisonnement, dont quatre ferme, contre lui.",
     "Prosecutors sought a six-year prison sentence, three years of it suspended.",
     ("Source.Numbers", 1, 1, "Prosecutors sought a six-year prison sentence, three years of it suspended.")),
    ("zh", "今年的“双11”是历年来周期最长的一届。", "This year's festival was the longest ever.",
     ("Source.Numbers", 1, 1, "This year's festival was the longest ever.")),
    # a review of p31's fixes: a date's month beside a title that keeps it; 双12 is no Singles Day; a two that
    # is not the suspended part; French, German sentences left untranslated with "an", "Not", "will"
    ("es", "La canción «Luz de agosto» se publicará el 15 de agosto.", 'The song "Luz de agosto" will be released on September 15.',
     ("Source.Numbers", 1, 1, 'The song "Luz de agosto" will be released on September 15.')),
    ("zh", "“双12”购物节落幕。", "Singles Day shopping festival ends.", ("Source.Numbers", 1, 1, "Singles Day shopping festival ends.")),
    ("fr", "Le parquet a requis six ans de prison, dont quatre ferme, contre les deux prévenus.",
     "Prosecutors sought a six-year suspended prison sentence against the two defendants.",
     ("Source.Numbers", 1, 1, "Prosecutors sought a six-year suspended prison sentence against the two defendants.")),
    ("fr", "Le chômage a augmenté l'an dernier. Le gouvernement promet des mesures pour l'an prochain.",
     "Unemployment rose last year. Le gouvernement promet de nouvelles mesures pour l'an prochain.",
     ("Source.Untranslated", 1, 30, "Le gouvernement promet de nouvelles mesures pour l'an prochain.")),
    ("de", "Die Preise sind gestiegen. Viele Familien in der Region geraten dadurch in finanzielle Not.",
     "Prices have risen. Viele Familien in der Region geraten dadurch in große finanzielle Not.",
     ("Source.Untranslated", 1, 20, "Viele Familien in der Region geraten dadurch in große finanzielle Not.")),
    ("de", "Kanzler will Steuern für Familien senken\n\nDie Regierung hat am Montag einen neuen Plan vorgestellt.",
     "Kanzler will Steuern für alle Familien senken\n\nThe government presented a new plan on Monday.",
     ("Source.Untranslated", 1, 1, "Kanzler will Steuern für alle Familien senken")),
    # a review of the last two: a German sentence of nouns read whole; a quoted Spanish "once" (eleven) is no
    # English once
    ("de", "Die Regierung hat einen Plan.", "Die Regierung will in Zukunft strengere Kontrollen an Grenzen und Flughäfen.",
     ("Source.Untranslated", 1, 1, "Die Regierung will in Zukunft strengere Kontrollen an Grenzen und Flughäfen.")),
    ("es", 'El técnico eligió un "once" muy ofensivo.', "The coach once more picked a very attacking side.",
     ("Source.Numbers", 1, 1, "The coach once more picked a very attacking side.")),
    # p32's excuses leave errors reported: a count that is not the list's once the time's 、 is set apart (two
    # names, 3県: the old count took the time's comma for a third); six on five without the extra attacker
    ("ja", "気象庁は１９日午後、鹿児島、宮崎の３県に大雨特別警報を発表した。",
     "On Thursday afternoon the agency issued emergency heavy rain warnings for Kagoshima and Miyazaki.",
     ("Source.Numbers", 1, 1, "On Thursday afternoon the agency issued emergency heavy rain warnings for Kagoshima and Miyazaki.")),
    ("ru", "При игре шесть на пять Иван Лаптев сравнял счёт.", "Ivan Laptev tied the game.",
     ("Source.Numbers", 1, 1, "Ivan Laptev tied the game.")),
    # a review of those: a count excused only when the translation lists as many names (not fewer, not a number
    # said instead, not more), and never a date or a rank after a list (２日の発表, ２位); six on five only when the
    # English counts no skaters itself and says the extra attacker (an empty net is any last minute's)
    ("ja", "気象庁は１９日午後、鹿児島、宮崎、熊本の３県に大雨特別警報を発表した。",
     "On Thursday afternoon the agency issued emergency heavy rain warnings for Kagoshima and Miyazaki prefectures.",
     ("Source.Numbers", 1, 1, "On Thursday afternoon the agency issued emergency heavy rain warnings for Kagoshima and "
                              "Miyazaki prefectures.")),
    ("ja", "気象庁は１９日午後、鹿児島、宮崎、熊本の３県に大雨特別警報を発表した。",
     "On Thursday afternoon the agency issued emergency heavy rain warnings for four prefectures.",
     ("Source.Numbers", 1, 1, "On Thursday afternoon the agency issued emergency heavy rain warnings for four prefectures.")),
    ("ja", "今回、トヨタとホンダの２社が新たな提携を発表した。",
     "This time, three companies, Toyota, Honda and Nissan, announced a new partnership.",
     ("Source.Numbers", 1, 1, "This time, three companies, Toyota, Honda and Nissan, announced a new partnership.")),
    ("ja", "一方、トヨタとホンダの２日の発表によると、新車販売は前年を上回った。",
     "Meanwhile, Toyota and Honda said on March 3 that new car sales exceeded last year's.",
     ("Source.Numbers", 1, 1, "Meanwhile, Toyota and Honda said on March 3 that new car sales exceeded last year's.")),
    ("ja", "昨年、トヨタとホンダの２位争いが激しくなった。", "Last year, the race for third place between Toyota and Honda intensified.",
     ("Source.Numbers", 1, 1, "Last year, the race for third place between Toyota and Honda intensified.")),
    ("ru", "При игре шесть на пять Иван Лаптев сравнял счёт.", "Playing six-on-four with an extra attacker, Ivan Laptev tied the game.",
     ("Source.Numbers", 1, 1, "Playing six-on-four with an extra attacker, Ivan Laptev tied the game.")),
    ("ru", "При игре шесть на пять «Динамо» пропустило шайбу в пустые ворота.", "Playing five-on-four, Dynamo conceded an empty-net goal.",
     ("Source.Numbers", 1, 1, "Playing five-on-four, Dynamo conceded an empty-net goal.")),
    ("fr", "Le Canadien a battu les Bruins 6 contre 5 grâce à un but dans un filet désert de Nick Suzuki.",
     "The Canadiens beat the Bruins 6-4 thanks to an empty-net goal by Nick Suzuki.",
     ("Source.Numbers", 1, 1, "The Canadiens beat the Bruins 6-4 thanks to an empty-net goal by Nick Suzuki.")),
    # p33's: a discount is said one way round (8折 is no 30% off, and no 80% off: the opposite price; 20 lines are
    # no discount of 20%)
    ("zh", "洛阳地铁对扫码乘车的乘客实行票价8折优惠。", "Luoyang Metro is giving a 30% fare discount to riders who pay with the app.",
     ("Source.Numbers", 1, 1, "Luoyang Metro is giving a 30% fare discount to riders who pay with the app.")),
    ("zh", "洛阳地铁对扫码乘车的乘客实行票价8折优惠。", "Luoyang Metro is giving an 80% fare discount to riders who pay with the app.",
     ("Source.Numbers", 1, 28, "80")),
    ("zh", "8折优惠将覆盖全部20条线路。", "The discount will cover all 20 lines.",
     ("Source.Numbers", 1, 1, "The discount will cover all 20 lines.")),
    ("zh", "会员购票可享八折。", "Members get an 80% discount on tickets.", ("Source.Numbers", 1, 16, "80")),
    # a review of those: a discount turned over is reported though its figure is matched elsewhere (eight stores,
    # Aug. 1; 85折 by the 85 of "85% off"); characters after 一律 and 打了 are a discount; 10折 is the full price
    ("zh", "该品牌在成都的8家门店将于本周末打8折。", "The brand's eight stores in Chengdu will offer 80% off this weekend.",
     ("Source.Numbers", 1, 48, "80% off")),
    ("zh", "会员购票可享85折。", "Members get 85% off tickets.", ("Source.Numbers", 1, 13, "85% off")),
    ("zh", "国庆期间，该商场所有服装一律八折。", "During the National Day holiday, all clothing at the mall is 30% off.",
     ("Source.Numbers", 1, 1, "During the National Day holiday, all clothing at the mall is 30% off.")),
    ("zh", "持学生证的乘客乘坐地铁享受10折。", "Passengers with a student card get 90% off subway fares.",
     ("Source.Numbers", 1, 36, "90")),
    # a dateline's date is the event's where the story says 今天: an English date that moves it is reported
    ("zh", "本报成都8月15日讯　今天，中国西部国际博览会在成都开幕，展会将持续到8月16日。",
     "CHENGDU, China — The Western China International Fair opened in Chengdu on Aug. 16 and will run for two days.",
     ("Source.Numbers", 1, 1, "CHENGDU, China — The Western China International Fair opened in Chengdu on Aug. 16 and will "
                              "run for two days.")),
    # p34's: a dateline's date excuses no other number of the sentence changed, and no date where the English has
    # no dateline
    ("zh", "本报成都8月15日讯　记者从成都大熊猫繁育研究基地获悉，8月14日凌晨，11岁的大熊猫“柚柚”产下一对双胞胎幼崽。",
     "CHENGDU, China — Youyou, a 12-year-old giant panda, gave birth to twin cubs in the early hours of Aug. 14, the base said.",
     ("Source.Numbers", 1, 28, "12")),
    ("zh", "本报成都8月15日讯　记者从成都大熊猫繁育研究基地获悉，8月14日凌晨，大熊猫“柚柚”产下一对双胞胎幼崽。",
     "Giant panda Youyou gave birth to twin cubs in the early hours of Aug. 14, the Chengdu base said.",
     ("Source.Numbers", 1, 1, "Giant panda Youyou gave birth to twin cubs in the early hours of Aug. 14, the Chengdu base said.")),
    # the 11th review: another percentage of the source (fares cut by 20%) says no discount of 8折 the right way round,
    # (8折 is then a figure changed, reported at the 80), and a discount's opposite among other discounts said rightly
    # is still reported, at its own phrase
    ("zh", "地铁票价下调20%，会员再享8折。", "Subway fares were cut by 20%, and members get a further 80% off.",
     ("Source.Numbers", 1, 57, "80")),
    ("zh", "A线8折，B线7折，C线8折。", "Line A is 20% off, line B 30% off and line C 80% off.",
     ("Source.Numbers", 1, 46, "80")),
    ("zh", "A店8折，B店也8折。", "Store A is 20% off, and store B is 80% off.", ("Source.Numbers", 1, 36, "80")),
    ("zh", "A店8折，B店也8折。", "Store A is 80% off, and store B is 20% off.", ("Source.Numbers", 1, 12, "80")),
    # the 12th review: the source's own 80% accounts for one "80%" of the translation, not for "80% off"; a discount
    # said as the price paid leaves "20% off" to the one it turns over; "20% lower" is the source's 百分之二十, not
    # 8折 said; 以八折, 可八折购买, 3至5折 turned over; 今日美国股市 is "today"; 当天 before any date is the dateline's
    # the 13th review: equal discounts merge only where the translation says so and gives no other ("both"), not
    # where the second is given as another figure or not at all
    ("zh", "活动期间，学生凭学生证购票打8折，60岁以上老人凭老年证购票同样打8折。",
     "During the promotion, students showing student cards get 20% off tickets, and people over 60 showing senior cards "
     "get 30% off.", ("Source.Numbers", 1, 1, "During the promotion, students showing student cards get 20% off tickets, "
                                             "and people over 60 showing senior cards get 30% off.")),
    ("zh", "活动期间，学生凭学生证购票打8折，60岁以上老人凭老年证购票同样打8折。",
     "During the promotion, students showing student cards get 20% off tickets, and people over 60 showing senior cards "
     "get in free.", ("Source.Numbers", 1, 1, "During the promotion, students showing student cards get 20% off tickets, "
                                             "and people over 60 showing senior cards get in free.")),
    ("zh", "春节档期间，全市8家影院上座率超过80%，工作日场次电影票一律打8折。",
     "During the Spring Festival season, occupancy at the city's 8 cinemas exceeded 80%, and tickets for weekday screenings "
     "are 80% off.", ("Source.Numbers", 1, 123, "80% off")),
    ("zh", "11月2日，该品牌新款羽绒服首发当天打8折，过季款式清仓价低至2折。",
     "On Nov. 2, the brand's new down jackets sold at 80% of the list price on launch day, while last season's styles were "
     "cleared at as much as 20% off.", ("Source.Numbers", 1, 140, "20% off")),
    ("zh", "受寒潮影响，景区客流量同比下降百分之二十，景区门票随即打8折。",
     "Hit by the cold snap, visitor numbers at the scenic area were 20% lower than a year earlier, and admission tickets "
     "were then sold at 80% off.", ("Source.Numbers", 1, 134, "80")),
    ("zh", "春节前夕，多家超市以八折的价格向市民供应年货。",
     "Ahead of the Spring Festival, several supermarkets are selling holiday goods to residents at 80% off.",
     ("Source.Numbers", 1, 94, "80")),
    ("zh", "即日起至月底，市民持身份证可八折购买景区门票。",
     "From today until the end of the month, residents showing their ID cards can buy tickets to the scenic area at 80% off.",
     ("Source.Numbers", 1, 111, "80")),
    ("zh", "11月11日当天，该商场3层至5层的服装区商品3至5折销售。", "On Nov. 11, clothing on floors 3 to 5 of the mall was sold at 30% to 50% off.",
     ("Source.Numbers", 1, 63, "30% to 50% off")),
    ("zh", "新华社北京3月5日电 十四届全国人大三次会议当天上午在人民大会堂开幕，会议将于3月11日闭幕。",
     "BEIJING — The third session of the 14th National People's Congress opened in the morning at the Great Hall of the People "
     "and will close on March 11.",
     ("Source.Numbers", 1, 1, "BEIJING — The third session of the 14th National People's Congress opened in the morning at the "
                              "Great Hall of the People and will close on March 11.")),
])
def test_excuses_for_faithful_translations_leave_errors_reported(tmp_path, lang, source, target, expected):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [expected]


@pytest.mark.parametrize("lang, source, target, expected", [
    ("es", "Lo dijo José Antonio Viera.", "José Antosio Viera said so.", (1, 6, "Antosio")),
    ("de", "Bundeskanzler Olaf Scholz sagte das.", "Chancellor Olaf Scholt said so.", (1, 17, "Scholt")),
    ("fr", "« Nous ne voterons pas », a déclaré Boris Vallaud.", '"We will not vote," said Boris Valluad.', (1, 32, "Valluad")),
    # two languages' spellings of one name: a first letter, a vowel, an h, a letter added or doubled, letters
    # transliterations trade; German's capitalised nouns; a genitive
    ("de", "Kremlchef Wladimir Putin reiste ab.", "Kremlin chief Vladimir Putin left.", None),
    ("de", "Botschafter Andrij Melnyk sagte das.", "Ambassador Andriy Melnyk said so.", None),
    ("fr", "Le président Volodymyr Zelensky a parlé.", "President Volodymyr Zelenskiy spoke.", None),
    ("de", "Der Präsident Mahmud Abbas reiste nach Kairo.", "President Mahmoud Abbas travelled to Cairo.", None),
    ("de", "Laut Muammar Gaddafi ist das falsch.", "According to Muammar Gadhafi this is wrong.", None),
    ("es", "Lo anunció el rey Mohamed VI en Rabat.", "King Mohammed VI announced it in Rabat.", None),
    ("de", "Die Opposition kritisierte Angela Merkels Regierung.", "The opposition criticised Angela Merkel's government.", None),
    # probe set p22: a German adjective of a name in another case (am Pirnaischen Platz: Pirnaischer Platz)
    ("de", "Eine Bahn entgleiste am Pirnaischen Platz in Dresden.", "A tram derailed at Pirnaischer Platz in Dresden.", None),
    ("de", "Eine Bahn entgleiste am Pirnaischen Platz in Dresden.", "A tram derailed at Pirnaischel Platz in Dresden.", (1, 20, "Pirnaischel")),
    # (a surname's ending is its spelling, not a case: Müller as Mülles is a slip)
    ("de", "Am Abend sprach Thomas Müller mit Journalisten.", "In the evening, Thomas Mülles spoke to journalists.", (1, 24, "Mülles")),
    # p34: a body's Spanish adjective in -cional given as its English cognate beside a word kept (Instituto Nacional
    # Electoral: the National Electoral Institute); a name respelt beside it is still a slip
    ("es", "Lo informó el Instituto Nacional Electoral (INE).", "The National Electoral Institute, or INE, reported it.", None),
    ("es", "Lo informó el Instituto Nacional Electoral (INE).", "The Nacoinal Electoral Institute, or INE, reported it.",
     (1, 5, "Nacoinal")),
    # (a name whose noun the translation keeps keeps its adjective too: Atlético Nacional, José Cuervo Tradicional)
    ("es", "El entrenador del Atlético Nacional anunció la alineación.", "Atlético National coach announced the lineup.",
     (1, 10, "National")),
    ("es", "Lanzó una botella de José Cuervo Tradicional.", "It launched a bottle of José Cuervo Traditional.", (1, 37, "Traditional")),
    # the 11th review: a noun kept elsewhere in the translation (Instituto Cervantes) does not keep the adjective of
    # another name; the adjective is kept only right after its own noun
    ("es", "Lo dijeron el Instituto Nacional Electoral y el Instituto Cervantes.",
     "The National Electoral Institute and the Instituto Cervantes said so.", None),
    ("es", "Lo dijeron el Atlético Nacional y el Instituto Cervantes.",
     "Atlético National and the Instituto Cervantes said so.", (1, 10, "National")),
])
def test_one_letter_wrong_in_a_full_name_is_a_slip(tmp_path, lang, source, target, expected):
    found = [f for f in pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang) if f["rule"] == "Source.Names"]
    assert [(f["line"], f["column"], f["match"]) for f in found] == ([expected] if expected else [])


@pytest.mark.parametrize("lang, source, target, expected", [
    # a joint figure changed is one error, the finding names its parts (not a part changed and a part dropped)
    ("es", "Los ingresos sumaron 32 mil 956 millones de dólares.", "Revenue totaled $23.96 billion.",
     [(1, 17, "$23.96 billion", "'32 mil', '956 millones'")]),
    ("uk", "У черзі перебували 11 тисяч 350 дітей.", "There were 11,530 children on the waiting list.",
     [(1, 12, "11,530", "'11 тисяч', '350'")]),
    ("fr", "Une toile de Rosa Bonheur (1822-1899) a été vendue.", "A painting by 18th-century painter Rosa Bonheur was sold.",
     [(1, 1, "A painting by 18th-century painter Rosa Bonheur was sold.", "'1899'"), (1, 15, "18", "'1822'")]),
    ("ru", "Он преодолел дистанцию 42 км 195 м.", "He covered the 42.159-kilometer course.",
     [(1, 16, "42.159", "'42', '195'")]),
    ("fr", "Elle a bouclé les 10 km en 29 min 47 s 3.", "She completed the 10 km in 29 min 47.8 s.", [(1, 35, "47.8", "'47', '3'")]),
    # ・ between two numerals joins a range (not a name beside another, 「草津・四万」): both are read
    ("ja", "観客は四万・五万人とみられる。", "The crowd was estimated at 4,000 to 5,000.", [(1, 28, "4,000", "'四万'"), (1, 37, "5,000", "'五万'")]),
    # a figure repeated is two figures: each changed or dropped is reported
    ("es", "La entrada cuesta 1.500 euros para adultos y 1.500 euros para estudiantes extranjeros.",
     "Admission costs 1,800 euros for adults and 1,300 euros for foreign students.",
     [(1, 17, "1,800", "'1.500'"), (1, 44, "1,300", "'1.500'")]),
    ("fr", "L'usine emploie 340 salariés à Lyon et 340 salariés à Grenoble.",
     "The plant employs 430 workers in Lyon and many workers in Grenoble.",
     [(1, 1, "The plant employs 430 workers in Lyon and many workers in Grenoble.", "dropped: the source has '340'"),
      (1, 19, "430", "changed: the source has '340'")]),
])
def test_compound_figures_and_life_dates_given_wrong_are_reported(tmp_path, lang, source, target, expected):
    found = [f for f in pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang) if f["rule"] == "Source.Numbers"]
    assert [(f["line"], f["column"], f["match"]) for f in found] == [e[:3] for e in expected]
    assert all(e[3] in f["message"] for f, e in zip(found, expected))


def test_a_name_after_an_era_and_a_misspelt_name_in_a_headline_are_reported(tmp_path):
    found = pair(tmp_path, "En 52 av. J.-C. Vercingétorix se rendit à César.\n", "In 52 BC Vercingetroix surrendered to Caesar.\n",
                 "--source-lang", "fr")
    assert [(f["rule"], f["column"], f["match"]) for f in found if f["rule"] == "Source.Names"] == [("Source.Names", 10, "Vercingetroix")]
    found = pair(tmp_path, "新種の巻き貝 JAMSTECなど発表\n\nJAMSTECなどが発表した。\n",
                 "New snail species found by JAMSTEK\n\nJAMSTEC and others announced it.\n", "--source-lang", "ja")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [("Source.Names", 1, 28, "JAMSTEK")]


@pytest.mark.parametrize("body, expected", [
    ("JAMSTECなどが発表した。\n", "JAMSTEC and others announced it.\n"),  # given further down: not lost
    ("研究チームが発表した。\n", "The team announced it.\n"),
])
def test_a_name_left_out_of_a_headline_is_lost_only_if_the_article_never_gives_it(tmp_path, body, expected):
    found = pair(tmp_path, "新種の巻き貝 JAMSTECなど発表\n\n" + body, "New snail species found\n\n" + expected,
                 "--source-lang", "ja")
    names = [(f["line"], f["column"], f["match"]) for f in found if f["rule"] == "Source.Names"]
    assert names == ([] if "JAMSTEC" in body else [(1, 1, "New snail species found")])


def test_a_headline_number_given_further_down_is_not_changed_into_a_number_word(tmp_path):
    found = pair(tmp_path, "宁波一彩民10倍投注独揽10注头奖\n\n该彩民以10倍投注独揽10注头奖。\n",
                 "Ningbo player wins on a single ticket\n\nThe player won 10 first prizes with a 10-times multiplier.\n",
                 "--source-lang", "zh")
    assert [f for f in found if f["rule"] == "Source.Numbers"] == []


def test_the_source_is_quoted_as_written_not_as_the_segmenter_cut_it(tmp_path):
    found = pair(tmp_path, "Le prix a été remis à J.M.G. Le Clézio mardi.\n", "The prize was awarded to J.M.G. Le Clezio on Tuesday.\n",
                 "--source-lang", "fr")
    assert [f["rule"] for f in found] == ["Source.Diacritics"] and "“Le prix a été remis à J.M.G. Le Clézio mardi.”" in found[0]["message"]


def test_a_height_in_metres_and_centimetres_given_wrong_is_reported(tmp_path):
    found = pair(tmp_path, "Зріст новонародженої — 1 м 78 см.\n", "The calf is 1.87 meters tall.\n", "--source-lang", "uk")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [
        ("Source.Numbers", 1, 13, "1.87")]
    assert "the source has '1', '78'" in found[0]["message"]  # 1 m 78 changed into 1.87: one figure, named whole


@pytest.mark.parametrize("lang, source", [("ru", "Бывший президент Польши Lech Wałęsa выступил."),
                                           ("de", "Der frühere Präsident Lech Wałęsa sprach.")])
def test_a_name_with_a_stroked_letter_written_plain_is_no_misspelling(tmp_path, lang, source):
    found = pair(tmp_path, source + "\n", "Former Polish president Lech Walesa spoke.\n", "--source-lang", lang)
    assert [f for f in found if f["rule"].startswith("Source.")] == []


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Об этом сообщило Независимое агентство новостей.", "This was reported by the Independent News Agency."),
    ("uk", "Про це повідомив представник Німецького банку розвитку.", "A representative of the German development bank said so."),
])
def test_an_institution_or_a_nationality_translated_is_no_lost_name(tmp_path, lang, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [f for f in found if f["rule"] == "Source.CyrillicNames"] == []


@pytest.mark.parametrize("source, target, name", [
    ("Вчора президент Зеленський радо привітав гостей.", "Yesterday the president gladly welcomed the guests.", "Зеленський"),
    ("Виступив секретар Київської міської ради.", "The secretary of the city council spoke.", "Київської"),
])
def test_a_name_before_a_word_like_an_institutions_is_still_a_name(tmp_path, source, target, name):
    """радо "gladly" is no рада "council"; a Ukrainian place's adjective is romanised in an institution's name."""
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", "uk")
    names = [f for f in found if f["rule"] == "Source.CyrillicNames"]
    assert [(f["line"], f["column"], f["match"]) for f in names] == [(1, 1, target)] and f"'{name}'" in names[0]["message"]


def test_a_place_name_ending_in_a_soft_sign_is_found_inflected(tmp_path):
    found = pair(tmp_path, "Окупанти обстріляли околиці Гостомеля.\n", "The occupiers shelled the outskirts of the town.\n",
                 "--source-lang", "uk")
    missing = [f for f in found if f["rule"] == "Source.GlossaryMissing"]
    assert [(f["line"], f["column"]) for f in missing] == [(1, 1)] and "Hostomel" in missing[0]["message"]


def test_cyrillic_words_with_english_names_of_their_own_are_no_lost_names(tmp_path):
    found = pair(tmp_path, "Мер Віталій Кличко прибув до Німеччини, а потім до Москви. Він сказав: «Хлопці, тримайтеся».\n",
                 "Mayor Vitali Klitschko arrived in Germany, then in Moscow. He said: \"Guys, hang in there.\"\n",
                 "--source-lang", "uk")
    assert [f for f in found if f["rule"] == "Source.CyrillicNames"] == []
    found = pair(tmp_path, "Мер Віталій Кличко прибув до Німеччини.\n", "The mayor arrived in Germany.\n", "--source-lang", "uk")
    names = [f for f in found if f["rule"] == "Source.CyrillicNames"]  # (one finding a sentence: Віталій Кличко dropped)
    assert [(f["line"], f["column"], f["match"]) for f in names] == [(1, 1, "The mayor arrived in Germany.")]


@pytest.mark.parametrize("lang, source, target", [
    ("ru", "Восстановление может занять не менее двух недель.", "Repairs may take at least two weeks."),
    ("uk", "Це не може не тішити.", "This can only be welcome."),
    ("es", "La sentencia no es firme y puede recurrirse.", "The ruling can still be appealed."),
])
def test_set_phrases_with_a_negative_word_are_no_negation(tmp_path, lang, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [f for f in found if f["rule"] == "Source.Negation"] == []


@pytest.mark.parametrize("lang, source, target", [
    # an institution's name opened by a capitalised adjective is translated; a locative's changed consonant (Розі:
    # Ріг)
    ("uk", "Водночас Всесвітня організація охорони здоров'я рекомендує 95%.", "The World Health Organization recommends 95%."),
    ("ru", "Поезд сошёл с рельсов на участке Октябрьской железной дороги.", "The train derailed on the October Railway."),
    ("uk", "У Дніпрі та Кривому Розі зафіксовано влучання.", "Hits were recorded in Dnipro and Kryvyi Rih."),
])
def test_translated_institutions_and_inflected_places_are_no_lost_names(tmp_path, lang, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [f for f in found if f["rule"] == "Source.CyrillicNames"] == []


def test_a_surname_before_a_verb_is_still_a_name(tmp_path):
    found = pair(tmp_path, "Про це заявив міністр Сибіга. Рішення підтримав Зеленський.\n",
                 "The minister said so. The president backed the decision.\n", "--source-lang", "uk")
    names = [f for f in found if f["rule"] == "Source.CyrillicNames"]
    assert [(f["line"], f["column"], f["match"]) for f in names] == [(1, 1, "The minister said so."),
                                                                    (1, 23, "The president backed the decision.")]


@pytest.mark.parametrize("source, target", [
    # an adjective-shaped surname or region before any word other than an institution's noun is still a name
    ("Закон вчора президент Зеленський особисто підписав у Києві.", "The president personally signed the law in Kyiv yesterday."),
    ("Вночі ворог обстріляв села Харківської області.", "Overnight the enemy shelled villages of the region."),
])
def test_adjective_shaped_surnames_and_regions_are_still_names(tmp_path, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", "uk")
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("Source.CyrillicNames", 1, 1)]


def test_a_hashtag_in_the_sources_script_is_no_untranslated_text(tmp_path):
    found = pair(tmp_path, "话题#西湖星光音乐节#阅读量已突破3.2亿次。\n",
                 "The hashtag #西湖星光音乐节# (West Lake Starlight Music Festival) was viewed 320 million times.\n",
                 "--source-lang", "zh")
    assert [f for f in found if f["level"] != "suggestion"] == []


def test_words_that_begin_like_a_month_are_no_months(tmp_path):
    # травми "injuries", жовтий "yellow", Червоного Хреста "Red Cross": read as May, October and June before
    found = pair(tmp_path, "Травми отримали водії, жовтий автобус і машина Червоного Хреста.\n",
                 "The drivers, a yellow bus and a Red Cross car were hurt.\n", "--source-lang", "uk")
    assert [f for f in found if f["rule"] == "Source.Numbers"] == []


def test_a_latin_script_name_with_two_letters_swapped_is_misspelt(tmp_path):
    found = pair(tmp_path, "Unas 1.200 enfermeras formadas en Madrid han dejado la región.\n",
                 "Some 1,200 nurses trained in Mardid have left the region.\n", "--source-lang", "es")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found] == [("Source.Names", 1, 30, "Mardid")]
    assert "'Madrid'" in found[0]["message"]


@pytest.mark.parametrize("lang, source, target", [
    # English spellings and other languages' names that differ from the source's by a letter are no slips
    ("de", "Juweliere in Düsseldorf wurden überfallen.", "Jewellers in Duesseldorf were robbed."),
    ("de", "Das sagte Regierungschef Schmyhal am Montag.", "Prime Minister Shmyhal said so on Monday."),
    ("de", "Drohnen trafen Odessa in der Nacht.", "Drones hit Odesa overnight."),
    ("fr", "La fusée a décollé du Centre spatial guyanais.", "The rocket lifted off from the Guiana Space Center."),
    ("fr", "Les navires attendent une licence pour les eaux de Guernesey.", "The boats are waiting for a licence for Guernsey's waters."),
    ("es", "Un atentado en Bagdad dejó diez muertos.", "An attack in Baghdad left ten dead."),
    ("fr", "Le sommet s'est tenu à Bucarest mardi.", "The summit was held in Bucharest on Tuesday."),
    ("de", "Drohne über Kiew abgeschossen", "Drone shot down over Kyiv"),
])
def test_names_spelled_the_english_way_are_no_misspelt_names(tmp_path, lang, source, target):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [f for f in found if f["rule"] == "Source.Names"] == []


def test_a_german_spelling_of_a_ukrainian_name_is_the_name(tmp_path):
    found = pair(tmp_path, "Про це заявив мер Володимир Кличко.\n", "Mayor Wolodymyr Klitschko said so.\n", "--source-lang", "uk")
    assert [f for f in found if f["rule"] == "Source.CyrillicNames"] == []


def test_a_weekday_with_another_day_leaves_the_date_reported(tmp_path):
    """"On Thursday (the 14th)" for в четверг, 13 марта is the date translated with its day changed: the month is
    dropped and the day changed, not excused by the weekday."""
    found = pair(tmp_path, "В четверг, 13 марта, президент посетил Киев.\n", "On Thursday (the 14th), the president visited Kyiv.\n",
                 "--source-lang", "ru")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [
        ("Source.Numbers", 1, 1, "On Thursday (the 14th), the president visited Kyiv."), ("Source.Numbers", 1, 18, "14")]


def test_two_untranslated_stats_lines_do_not_vouch_for_each_other(tmp_path):
    """A one-word name before a figure passes an identical line only when a translated sentence gives it too."""
    lines = "Spiele 30, Siege 20, Tore 12\n\nSpiele 28, Siege 19, Tore 9\n"
    found = pair(tmp_path, lines, lines, "--source-lang", "de")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [
        ("Source.Untranslated", 1, 1, "Spiele 30, Siege 20, Tore 12"), ("Source.Untranslated", 3, 1, "Spiele 28, Siege 19, Tore 9")]


def test_a_weekday_with_an_ordinal_before_a_plural_is_the_date_translated(tmp_path):
    """"On Thursday 14th voters" is a date (its day changed), not an ordinal counting votes."""
    found = pair(tmp_path, "El jueves 13 de marzo los votantes irán a las urnas.\n", "On Thursday 14th voters go to the polls.\n",
                 "--source-lang", "es")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [
        ("Source.Numbers", 1, 1, "On Thursday 14th voters go to the polls."), ("Source.Numbers", 1, 13, "14")]


def test_acronym_search_stays_linear_on_made_up_input():
    """A review: the acronym search (checks._abbreviates) tried every split of a long made-up acronym over many
    words, exponentially; it is memoised and gives up beyond a name's length. Asserted by the answer on an input
    that took 10 s before (a timing is not asserted: the machine is shared)."""
    from lint.bilingual.checks import _abbreviates

    assert _abbreviates("A" * 11 + "Z", "Banana Panama Alabama " * 12) is False
    assert _abbreviates("A" * 24 + "Z", "Banana Panama Alabama " * 12) is False
    assert _abbreviates("JAXA", "the Japan Aerospace Exploration Agency") is True


def test_a_clubs_ordinal_ends_no_sentence():
    """p35: "Frankfurt hosts 1. FC Köln next Sunday" is one sentence (a German club's ordinal before its initials);
    a sentence that ends with a number before the next one's first word is still two."""
    from lint.bilingual.segment import sentences

    text = "Kickoff is at 6:45 p.m. Frankfurt hosts 1. FC Köln next Sunday at 2 p.m. The table is tight."
    assert [text[a:b] for a, b in sentences(text, "en")] == [
        "Kickoff is at 6:45 p.m.", "Frankfurt hosts 1. FC Köln next Sunday at 2 p.m.", "The table is tight."]
    text = "Mainz finished the first half 1-0 and the match 2-1. They are now 9. The coach was pleased."
    assert [text[a:b] for a, b in sentences(text, "en")] == [
        "Mainz finished the first half 1-0 and the match 2-1.", "They are now 9.", "The coach was pleased."]
    # the 11th review: a figure before initials that are no German club's ends its sentence
    text = "The court ruled 6-3. US President Joe Biden criticised the ruling."
    assert [text[a:b] for a, b in sentences(text, "en")] == [
        "The court ruled 6-3.", "US President Joe Biden criticised the ruling."]
    text = "Das Spiel endete 1:1. FC Köln bleibt Zehnter."
    assert [text[a:b] for a, b in sentences(text, "de")] == ["Das Spiel endete 1:1.", "FC Köln bleibt Zehnter."]


def test_a_discount_said_twice_and_turned_over_twice_is_two_errors(tmp_path):
    """The 11th review: 8折 twice, both given as "80% off", is an error at each figure (one phrase serves one
    discount)."""
    found = pair(tmp_path, "A店8折，B店也8折。\n", "Store A is 80% off, and store B is also 80% off.\n", "--source-lang", "zh")
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == [
        ("Source.Numbers", 1, 12, "80"), ("Source.Numbers", 1, 41, "80")]


@pytest.mark.parametrize("source, pays", [
    ("会员购票可享8折。", [(80.0,)]),
    ("国庆期间，该商场所有服装一律八折。", [(80.0,)]),
    ("商场部分商品3-5折销售。", [(30.0, 50.0)]),
    # the 11th review: 可以三折 "can fold in three" and 3折屏 a tri-fold screen are no discount (以 is no discount's
    # verb; 折屏 a folding screen)
    ("这款手机的屏幕可以三折。", []),
    ("春节前夕，多家超市以八折的价格向市民供应年货。", [(80.0,)]),  # (以 is a discount's verb but after 可)
    ("市民持身份证可八折购买景区门票。", [(80.0,)]),
    ("该公司发布了一款3折屏手机。", []),
    ("这条线路的建设一波三折。", []),
])
def test_which_chinese_tenths_are_discounts(source, pays):
    from lint.bilingual import discounts, numbers

    assert [tuple(d.pays) for d in discounts.in_source(numbers.normalise(source))] == pays


@pytest.mark.parametrize("lang, source, target, expected", [
    # p37: a German word in -är opening a sentence is an adjective or a noun of Latin -aris or French -aire, whose
    # English is the same word without the accent (Regulär: Regular); a name opening a sentence keeps its accent
    ("de", "Regulär ist das Museum dienstags bis sonntags geöffnet.", "Regular opening hours are Tuesdays through Sundays.", []),
    ("de", "Müller sagte das am Montag.", "Muller said so on Monday.", [("Source.Diacritics", 1, 1, "Muller")]),
    # p37: a month these languages write in lower case, capitalised inside a sentence, is a name (the Zhovten cinema,
    # the Krasny Oktyabr plant); a month that opens a sentence, or one in lower case, is still a month
    ("uk", "Церемонія відбулася в кінотеатрі «Жовтень».", "The ceremony took place at the Zhovten cinema.", []),
    ("ru", "Завод «Красный Октябрь» остановил производство.", "The Krasny Oktyabr plant halted production.", []),
    ("uk", "Жовтень видався теплим.", "The month was warm.", [("Source.Numbers", 1, 1, "The month was warm.")]),
    ("uk", "Фестиваль пройде у жовтні.", "The festival will take place in November.",
     [("Source.Numbers", 1, 1, "The festival will take place in November.")]),
    # p37: a source's acronym glossed in brackets, given as words and an acronym of its own (ＦＭＶＰ: finals MVP)
    ("zh", "徐昊然当选总决赛最有价值球员（ＦＭＶＰ）。", "Xu was named finals MVP.", []),
    ("zh", "徐昊然当选总决赛最有价值球员（ＦＭＶＰ）。", "Xu was named MVP.", [("Source.Names", 1, 1, "Xu was named MVP.")]),
])
def test_words_shaped_like_names_and_months_like_names(tmp_path, lang, source, target, expected):
    found = pair(tmp_path, source + "\n", target + "\n", "--source-lang", lang)
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in found if f["level"] != "suggestion"] == expected


def test_a_price_list_of_many_discounts_is_read_in_linear_time(tmp_path):
    """The 13th review: each discount compared its phrases with every other discount's (800 discounts took 12 s).
    Asserted by the answer on the input (a timing is not asserted: the machine is shared): all said the right way."""
    pays = [6, 7, 8, 9] * 200
    source = "价目表：" + "，".join(f"{i}号柜台{p}折" for i, p in enumerate(pays)) + "。\n"
    target = "Price list: " + ", ".join(f"counter {i} {100 - 10 * p}% off" for i, p in enumerate(pays)) + ".\n"
    assert [f for f in pair(tmp_path, source, target, "--source-lang", "zh") if f["level"] != "suggestion"] == []
    turned = target.replace("counter 5 30% off", "counter 5 70% off")
    assert [(f["rule"], f["match"]) for f in pair(tmp_path, source, turned, "--source-lang", "zh")
            if f["level"] != "suggestion"] == [("Source.Numbers", "70% off")]
