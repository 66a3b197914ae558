"""Demo data: a realistic, reproducible registry to show hubdesk without touching anyone's real data.

``generate_demo`` fills an empty database with the people the HUB in Tangier actually meets (young
Moroccans, West and Central African migrants, refugees from Sudan, Syria and Yemen), their phones,
languages, diplomas, skills and work histories, the derived search and duplicate keys, the code
counters and one audit event per person. The same seed and day give exactly the same data.

It is written for speed (100,000 people in under a minute on a small two-core machine): no ORM
object per person; rows are built as plain values already converted by the columns' own types,
and written in batches of multi-row INSERT statements (compiled by the dialect) by a second thread
while the next batch is invented, all in one transaction.
"""

from __future__ import annotations

import json
import random
import time
import unicodedata
from bisect import bisect
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from itertools import chain
from operator import itemgetter
from typing import Any, Generic, TypeVar, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, Date, Table, func, insert, select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from hubdesk.db.base import Base, UTCDateTime
from hubdesk.db.database import Database
from hubdesk.db.models import (
    AuditEvent,
    Beneficiary,
    CodeCounter,
    Diploma,
    LanguageSkill,
    MatchKey,
    Phone,
    SearchKey,
    Skill,
    User,
    WorkExperience,
)
from hubdesk.domain.beneficiary import (
    BeneficiaryDraft,
    Consent,
    ExperienceEntry,
    LanguageEntry,
    PhoneEntry,
    SkillEntry,
)
from hubdesk.domain.codes import format_code
from hubdesk.domain.enums import (
    AuditAction,
    ConsentPurpose,
    EducationLevel,
    HeardFrom,
    IdDocumentType,
    LanguageLevel,
    MigrationStatus,
    Occupation,
    Role,
    Sex,
    SkillLevel,
    SkillSector,
)
from hubdesk.domain.errors import HubdeskError
from hubdesk.services import beneficiary_mapping as mapping
from hubdesk.services.accounts import hash_password
from hubdesk.services.settings import DEMO, ORGANISATION, SITE_CODE, read_setting, write_setting

DEMO_PASSWORD = "hubdesk-demo"

#: (user name, full name, role) of the accounts of a demo database; they all use DEMO_PASSWORD.
DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Administrateur démo", Role.ADMINISTRATOR),
    ("coordination", "Salma Bennani", Role.COORDINATOR),
    ("amina", "Amina El Idrissi", Role.COUNSELLOR),
    ("youssef", "Youssef Tahiri", Role.COUNSELLOR),
    ("fatou", "Fatou Ndiaye", Role.COUNSELLOR),
)

#: setting holding DEMO_ACCOUNTS as JSON, so the log-in screen of a demo can list them
DEMO_ACCOUNTS_KEY = "demo_accounts"
DEMO_SITE = "TNG"
DEMO_ORGANISATION = "HUB Tanger — démo"

_CHUNK = 5000  # people generated and inserted per batch
_YEARS = 3  # registrations spread over this many years before ``today``
_LOCAL = ZoneInfo("Africa/Casablanca")

T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    beneficiaries: int
    users: int
    seconds: float


class _Random(random.Random):
    """``random.Random`` with quicker draws for the small ranges used here (randrange is slow)."""

    def below(self, n: int) -> int:
        """0 <= k < n."""
        return int(self.random() * n)

    def span(self, low: int, high: int) -> int:
        """low <= k < high."""
        return low + int(self.random() * (high - low))

    def between(self, low: int, high: int) -> int:
        """low <= k <= high."""
        return low + int(self.random() * (high - low + 1))

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]


class _Pick(Generic[T]):
    """Weighted choice with precomputed cumulative weights (much cheaper than ``random.choices``)."""

    __slots__ = ("_cum", "_last", "_total", "items")

    def __init__(self, weighted: Sequence[tuple[T, float]]) -> None:
        self.items = tuple(item for item, _ in weighted)
        cum: list[float] = []
        total = 0.0
        for _, weight in weighted:
            total += weight
            cum.append(total)
        self._cum = cum
        self._total = total
        self._last = len(cum) - 1

    def __call__(self, rng: _Random) -> T:
        index = bisect(self._cum, rng.random() * self._total)
        return self.items[index if index <= self._last else self._last]


def _zipf(items: Sequence[T], exponent: float = 0.9) -> _Pick[T]:
    """Most common first: real name frequencies fall off steeply, they are not uniform."""
    return _Pick([(item, 1.0 / (rank + 3) ** exponent) for rank, item in enumerate(items)])


def _uniform(items: Sequence[T]) -> _Pick[T]:
    return _Pick([(item, 1.0) for item in items])


# -- names ------------------------------------------------------------------------------------------

#: Latin spellings (most usual first) and the Arabic-script form ("" when none is written).
_Name = tuple[tuple[str, ...], str]


def _names(text: str) -> tuple[_Name, ...]:
    """Parse "Mohamed/Mohammed=محمد, Ousmane/Ousman, ..." (variants, optional Arabic form)."""
    parsed: list[_Name] = []
    for item in text.split(","):
        latin, _, arabic = item.partition("=")
        variants = tuple(v.strip() for v in latin.split("/") if v.strip())
        if variants:
            parsed.append((variants, arabic.strip()))
    return tuple(parsed)


_MA_MALE = _names(
    """Mohamed/Mohammed/Mohammad=محمد, Ahmed/Ahmad=أحمد, Youssef/Yousef/Yusuf=يوسف, Hamza=حمزة,
    Ayoub/Ayoube=أيوب, Anas=أنس, Omar/Oumar=عمر, Othmane/Otmane/Othman=عثمان, Bilal=بلال,
    Zakaria/Zakariya/Zakariae=زكرياء, Soufiane/Sofiane/Soufyane=سفيان, Amine/Amin=أمين,
    Khalid/Khaled=خالد, Rachid/Rashid=رشيد, Said/Saïd=سعيد, Hicham/Hisham=هشام, Nabil=نبيل,
    Karim=كريم, Mehdi/Mahdi=مهدي, Ismail/Ismaïl/Smail=إسماعيل, Ilyas/Ilias/Elyas=إلياس,
    Yassine/Yacine/Yassin=ياسين, Adil/Adel=عادل, Abderrahim/Abderahim=عبد الرحيم,
    Abdellah/Abdallah/Abdullah=عبد الله, Mustapha/Mustafa/Moustapha=مصطفى, Hassan=حسن, Hamid=حميد,
    Redouane/Ridouane/Redwane=رضوان, Tarik/Tariq=طارق, Walid/Oualid=وليد,
    Marouane/Marwane/Marwan=مروان, Badr/Badre=بدر, Saad=سعد, Noureddine/Nourdine=نور الدين,
    Aymane/Ayman/Aymen=أيمن, Abdelkader/Abdelkadir=عبد القادر, Driss/Idriss=إدريس, Jamal/Jamel=جمال,
    Mourad/Murad=مراد, Ali=علي, Brahim/Ibrahim=إبراهيم, Younes/Younès/Yunus=يونس, Achraf/Ashraf=أشرف"""
)
_MA_FEMALE = _names(
    """Fatima/Fatma=فاطمة, Fatima Zahra/Fatima-Zahra/Fatimazahra=فاطمة الزهراء, Khadija/Khadidja=خديجة,
    Amina=أمينة, Salma=سلمى, Meryem/Maryam/Meriem=مريم, Zineb/Zaynab/Zainab=زينب, Hajar/Hajer=هاجر,
    Sara/Sarah=سارة, Imane/Iman=إيمان, Noura/Nora=نورة, Kawtar/Kaoutar/Kaouthar=كوثر,
    Hanane/Hanan=حنان, Loubna/Lobna=لبنى, Houda/Huda=هدى, Nadia=نادية, Samira=سميرة, Siham=سهام,
    Asmae/Asma/Asmaa=أسماء, Chaimae/Chaima/Chaymae=شيماء, Oumaima/Oumayma/Omaima=أميمة,
    Hiba/Heba=هبة, Ikram=إكرام, Wiam/Wiame=وئام, Soukaina/Soukayna/Sokaina=سكينة,
    Ibtissam/Btissam=ابتسام, Najat=نجاة, Rajae/Raja/Rajaa=رجاء, Latifa=لطيفة, Malika=مليكة,
    Ghizlane/Ghizlan=غزلان, Yasmine/Yasmina=ياسمين, Dounia/Dunia=دنيا, Fadwa/Fadoua=فدوى,
    Safae/Safaa=صفاء, Nawal=نوال, Mouna/Mona=منى, Hafsa=حفصة, Rim/Reem=ريم"""
)
_MA_LAST = _names(
    """El Amrani/Elamrani/Amrani=العمراني, El Idrissi/Idrissi/Elidrissi=الإدريسي, Bennani/Benani=بناني,
    Tahiri/Ettahiri=الطاهري, El Alaoui/Alaoui/Elalaoui=العلوي, Benjelloun/Ben Jelloun=بنجلون,
    Berrada/Berada=برادة, Chraibi/Chraïbi=الشرايبي, El Fassi/Fassi=الفاسي, Tazi=التازي,
    Benali/Ben Ali=بنعلي, Bouzid=بوزيد, El Khatib/Elkhatib/Khatib=الخطيب,
    Ouazzani/El Ouazzani/Wazzani=الوزاني, Slaoui=السلاوي, Zerouali=الزروالي,
    El Mansouri/Mansouri=المنصوري, Bakkali/El Bakkali/Baqqali=البقالي, Lahlou=لحلو,
    Naciri/Nasiri=الناصري, Skalli/Sqalli=السقلي, El Khamlichi/Khamlichi=الخمليشي,
    Temsamani/Tamsamani=التمسماني, Ouriaghli/El Ouariaghli=الورياغلي, Benaissa/Ben Aissa=بنعيسى,
    El Yousfi/Yousfi=اليوسفي, Afilal=أفيلال, Azzouzi/Azouzi=العزوزي, El Hajji/Hajji=الحاجي,
    Haddadi/El Haddadi=الحدادي, Rifi/Errifi=الريفي, Chaoui/Echaoui=الشاوي, Belhaj/Belhadj=بلحاج,
    Benmoussa/Ben Moussa=بنموسى, Cherkaoui/Charkaoui=الشرقاوي, Kettani/Kattani=الكتاني,
    Sebti=السبتي, Filali/El Filali=الفيلالي, Mernissi=المرنيسي, Ghazouani/El Ghazouani=الغزواني,
    Jebli/El Jebli=الجبلي, Khalfi/El Khalfi=الخلفي, El Mrabet/Mrabet=المرابط,
    El Hamdaoui/Hamdaoui=الحمداوي, Ennaji/Naji=الناجي, Touzani=التوزاني, Ziani/Zyani=الزياني,
    Benkirane/Ben Kirane=بنكيران, Regragui=الركراكي, Sefiani/Sfiani=السفياني, Aarab/Arab=أعراب,
    Boughaleb=بوغالب, Laaroussi/Larousi=العروسي, Essaidi/Saidi=السعيدي, Hamdani=الحمداني,
    Ezzouhri/Zouhri=الزهري, El Moussaoui/Moussaoui=الموساوي, Karimi/El Karimi=الكريمي,
    Ait Ali/Aït Ali=آيت علي, Ait Ouahmane/Aït Ouahmane=آيت واحمان, Amzil=أمزيل, Oubella=أوبلا,
    El Ouardi/Ouardi=الوردي, Boukhari/El Boukhari=البخاري, Andaloussi/El Andaloussi=الأندلسي,
    Tanjaoui/Tanjawi=الطنجاوي, Soussi/Essoussi=السوسي, Dahmani=الدحماني, El Ghazi/Ghazi=الغازي,
    Bouazza=بوعزة, Chafik/Chafiq=شفيق, Boulaich=بولعيش, Kharbouch=خربوش, El Omari/Omari=العمري,
    El Harrak/Harrak=الحراق, Bouhlal=بوهلال, Sbai/Sebai=السباعي, Raissouni/Raisouni=الريسوني"""
)
_ARAB_MALE = _names(
    """Mohammed/Mohamed/Mohamad=محمد, Ahmed/Ahmad=أحمد, Omar=عمر, Khaled/Khalid=خالد,
    Mahmoud/Mahmood=محمود, Abdallah/Abdullah=عبد الله, Hussein/Hussain=حسين, Ali=علي, Ibrahim=إبراهيم,
    Yasser/Yaser=ياسر, Mustafa/Moustafa=مصطفى, Hassan/Hasan=حسن, Tarek/Tareq=طارق, Samer=سامر,
    Fadi=فادي, Rami=رامي, Anas=أنس, Hamza=حمزة, Bilal=بلال, Mazen=مازن, Waleed/Walid=وليد,
    Osman/Othman=عثمان, Adam=آدم, Bashir/Bachir=بشير, Mohannad/Muhannad=مهند,
    Abdulrahman/Abdelrahman=عبد الرحمن, Majed/Majid=ماجد, Nasser/Naser=ناصر, Saleh/Salih=صالح,
    Yahya=يحيى"""
)
_ARAB_FEMALE = _names(
    """Fatima/Fatma=فاطمة, Aisha/Aicha=عائشة, Mariam/Maryam=مريم, Amal=أمل, Rania=رانيا,
    Hiba/Heba=هبة, Nour/Noor=نور, Lina=لينا, Rasha=رشا, Reem/Rim=ريم, Asma/Asmaa=أسماء,
    Huda/Houda=هدى, Sara/Sarah=سارة, Zainab/Zeinab=زينب, Samah=سماح, Amira=أميرة,
    Khadija/Khadiga=خديجة, Safa/Safaa=صفاء, Duaa/Doaa=دعاء, Nada=ندى, Hala=هالة,
    Yasmin/Yasmine=ياسمين, Rawan=روان, Amna/Amina=آمنة, Hawa=حواء"""
)
_SY_LAST = _names(
    """Al Halabi/Alhalabi=الحلبي, Al Hamwi/Alhamwi=الحموي, Al Homsi/Alhomsi=الحمصي, Al Ahmad=الأحمد,
    Al Khatib/Alkhatib=الخطيب, Haddad=حداد, Al Masri=المصري, Darwish/Darwiche=درويش, Al Ali=العلي,
    Kassem/Qasem=قاسم, Al Shami/Alshami=الشامي, Sabbagh=الصباغ, Al Hariri=الحريري,
    Najjar/Al Najjar=النجار, Al Omar=العمر, Al Hussein=الحسين, Khalil=خليل, Al Zoubi/Al Zubi=الزعبي,
    Hamdan=حمدان, Al Aswad=الأسود, Mansour=منصور, Al Kurdi/Kurdi=الكردي, Al Jasem=الجاسم,
    Al Sayed/Al Sayyed=السيد"""
)
_SD_LAST = _names(
    """Abdelrahman/Abdalrahman=عبد الرحمن, Osman/Othman=عثمان, Elhassan/Al Hassan=الحسن,
    Ibrahim=إبراهيم, Adam=آدم, Yousif/Yousef=يوسف, Abdalla/Abdallah=عبد الله, Babiker/Babikir=بابكر,
    Elsheikh/Al Sheikh=الشيخ, Hamid/Hamed=حامد, Ismail=إسماعيل, Musa/Mousa=موسى,
    Eltayeb/Al Tayeb=الطيب, Suleiman/Sulaiman=سليمان, Abakar=أبكر, Idris/Idriss=إدريس,
    Elnour/Al Nour=النور, Bakheet/Bakhit=بخيت, Khamis=خميس, Haroun/Harun=هارون, Ahmed=أحمد,
    Abdelaziz/Abdalaziz=عبد العزيز"""
)
_YE_LAST = _names(
    """Al Hadrami/Alhadrami=الحضرمي, Al Yafei/Al Yafai=اليافعي, Al Sanani/Al Sanaani=الصنعاني,
    Al Maqtari=المقطري, Al Ansi=العنسي, Saleh=صالح, Al Qadi=القاضي, Al Adeni=العدني,
    Al Sharabi=الشرعبي, Al Hamdani=الهمداني, Al Ahdal=الأهدل, Al Eryani/Al Iryani=الإرياني,
    Al Shaibani=الشيباني, Bawazir/Ba Wazir=باوزير, Al Amoudi/Al Amodi=العمودي, Al Kibsi=الكبسي,
    Al Zubairi=الزبيري, Al Absi=العبسي, Al Wesabi=الوصابي, Al Hakimi=الحكيمي"""
)
_SN_MALE = _names(
    """Mamadou/Mamadu, Cheikh/Cheick/Sheikh, Ousmane/Ousman, Moussa/Musa, Ibrahima, Abdoulaye/Abdoulay,
    Modou/Modu, Pape/Pap, Serigne, Babacar/Babakar, Alioune/Aliou, Amadou/Ahmadou, Lamine/Lamin,
    Malick/Malik, Saliou, Omar/Oumar, Souleymane/Souleyman, Assane, Demba, Samba, Mbaye, Khadim,
    Moustapha/Mustapha, Idrissa, Bassirou"""
)
_SN_FEMALE = _names(
    """Fatou/Fatu, Aminata, Awa, Khady/Khadi, Mariama/Mariam, Aïssatou/Aissatou/Aysatou, Ndèye/Ndeye,
    Coumba/Kumba, Adama, Astou, Rokhaya/Rokaya, Sokhna, Bineta, Dieynaba/Dienaba, Fatoumata,
    Marième/Marieme, Seynabou, Yacine, Penda, Oumou, Maïmouna/Maimouna, Ndella, Arame"""
)
_SN_LAST = _names(
    """Ndiaye/N'Diaye/Ndiay, Diop, Fall, Sow, Ba/Bah, Diallo/Dialo, Sy, Gueye/Guèye, Faye, Sarr, Mbaye,
    Cissé/Cisse, Ndoye, Seck, Thiam/Tiam, Diouf, Kane, Niang, Sall, Dieng, Touré/Toure, Wade,
    Mbengue, Diagne, Lo, Sène/Sene, Ndour, Tall, Samb, Dramé/Drame"""
)
_GN_MALE = _names(
    """Mamadou/Mamadu, Alpha, Ibrahima, Sékou/Sekou, Oumar/Omar, Amadou, Thierno/Tierno, Abdoulaye,
    Boubacar/Boubakar, Mohamed/Mohammed, Souleymane, Lansana, Moussa, Fodé/Fode, Mory, Karamo,
    Ousmane, Alhassane/Alassane, Saïdou/Saidou, Elhadj/El Hadj, Abdourahmane/Abdourahman,
    Kabinè/Kabine, Mamady"""
)
_GN_FEMALE = _names(
    """Fatoumata/Fatimata, Mariama, Kadiatou/Kadiatu, Aïssatou/Aissatou, Hawa/Haoua, Fanta,
    Djénabou/Djenabou/Jenabu, Oumou, M'Mah/Mmah, Aminata, Bintou/Bintu, Nènè/Nene, Saran, Hadja,
    Mabinty, Adama, Diaraye/Diarraye, Kankou, Tenin/Tènin, Maïmouna/Maimouna, Ramatoulaye"""
)
_GN_LAST = _names(
    """Camara/Kamara, Bah/Ba, Barry/Bari, Sylla/Silla, Diallo/Dialo, Keita/Keïta, Condé/Conde,
    Soumah/Souma, Touré/Toure, Sow, Baldé/Balde, Kourouma, Kaba, Bangoura, Cissé/Cisse, Conté/Conte,
    Doumbouya, Traoré/Traore, Kouyaté/Kouyate, Fofana, Sidibé/Sidibe, Haïdara/Haidara, Millimono,
    Sangaré/Sangare"""
)
_CI_MALE = _names(
    """Kouadio, Koffi/Kofi, Yao, Konan, Kouamé/Kouame, Jean-Baptiste, Serge, Franck/Frank, Arnaud, Ange,
    Brice, Christian, Didier, Ismaël/Ismael, Seydou, Adama, Bakary/Bakari, Lassina, Drissa,
    Souleymane, Yacouba/Yakouba, Mamadou, Abdoul Kader/Abdoulkader, Hervé/Herve, Wilfried"""
)
_CI_FEMALE = _names(
    """Aya, Adjoua, Affoué/Affoue, Akissi, Amenan, Ahou, Mariam/Mariame, Aminata, Fanta, Awa, Grâce/Grace,
    Christelle, Laetitia/Létitia, Prisca, Estelle, Nadège/Nadege, Salimata, Rokia, Sandrine, Carine,
    Bintou, Emmanuella, Josiane"""
)
_CI_LAST = _names(
    """Kouassi/Kwassi, Koné/Kone, Yao, Traoré/Traore, Konan, Kouamé/Kouame, Koffi, N'Guessan/Nguessan,
    Ouattara/Watara, Coulibaly/Kulibali, Bamba, Kouadio, Diomandé/Diomande, Touré/Toure, Soro,
    Yéo/Yeo, Aka, Brou, Tanoh, Kra, Assi, Doumbia, Fofana, Cissé/Cisse, Zadi, Gbané/Gbane,
    Kacou/Kakou"""
)
_ML_MALE = _names(
    """Moussa/Musa, Mamadou, Seydou/Seidou, Boubacar, Modibo, Bakary, Oumar, Amadou, Ibrahim/Ibrahima,
    Souleymane, Adama, Drissa, Sidiki, Issa, Yacouba, Mahamadou/Mahamadu, Abdoulaye, Siaka,
    Fousseyni/Fousseini, Lassana, Cheick/Cheikh, Mamoutou, Sékou/Sekou, Daouda/Dawda"""
)
_ML_FEMALE = _names(
    """Aminata, Fatoumata, Kadiatou, Mariam, Oumou, Awa, Rokia/Rokiatou, Assétou/Assetou,
    Djénéba/Djeneba, Hawa, Sali, Fanta, Bintou, Kadidia, Nana, Salimata, Korotoumou, Safiatou,
    Maïmouna/Maimouna, Ramata, Tata"""
)
_ML_LAST = _names(
    """Traoré/Traore, Keïta/Keita, Coulibaly/Koulibaly, Diarra, Touré/Toure, Cissé/Cisse,
    Sangaré/Sangare, Konaté/Konate, Sissoko/Sisoko, Dembélé/Dembele, Maïga/Maiga, Koné/Kone, Doumbia,
    Kanté/Kante, Diakité/Diakite, Sidibé/Sidibe, Samaké/Samake, Camara, Bagayoko, Sacko/Sako, Guindo,
    Dicko, Tounkara, Diawara, Fomba"""
)
_CM_MALE = _names(
    """Jean, Paul, Emmanuel, Arnaud, Franck, Hervé/Herve, Patrick, Serge, Junior, Yannick/Yanick, Boris,
    Ibrahim, Aboubakar, Alain, Landry, Cédric/Cedric, Rodrigue, Stéphane/Stephane, Blaise, Christian,
    Samuel, Martial, Ulrich, Brice"""
)
_CM_FEMALE = _names(
    """Marie, Carine, Sandrine, Brenda, Mireille, Nadège/Nadege, Larissa, Vanessa, Estelle, Aïcha/Aicha,
    Ruth, Christelle, Joëlle/Joelle, Solange, Gisèle/Gisele, Pauline, Laure, Diane, Flore,
    Raïssa/Raissa, Danielle, Murielle"""
)
_CM_LAST = _names(
    """Mbarga, Nkoulou, Tchoupo, Fotso, Kamga, Tchakounté/Tchakounte, Ngono, Essomba, Atangana, Mballa,
    Owona, Tchuente/Tchuenté, Djomo, Kamdem, Nana, Nkeng, Wandji, Abena, Onana, Ndjock, Biyong, Manga,
    Ngassa, Tagne, Fokou, Nganou, Ekotto, Simo, Mvondo, Nkodo"""
)
_CD_MALE = _names(
    """Jean-Pierre, Patrick, Christian, Glody, Héritier/Heritier, Trésor/Tresor, Junior, Fiston,
    Dieudonné/Dieudonne, Blaise, Papy, Jonathan, Gloire, Exaucé/Exauce, Chance, Benjamin, Serge,
    Emmanuel, Patient, Christophe, Jérémie/Jeremie, Cédric, Guelord"""
)
_CD_FEMALE = _names(
    """Grâce/Grace, Merveille, Divine, Nathalie, Esther, Rachel, Sarah/Sara, Gloria, Ruth, Christelle,
    Nicole, Jolie, Mireille, Anny/Annie, Dorcas, Chantal, Clarisse, Sandra, Bénédicte/Benedicte,
    Prisca, Naomie/Naomi, Falone/Fallone"""
)
_CD_LAST = _names(
    """Mbala, Kabila, Lukusa, Ilunga, Kabamba, Mukendi, Tshibangu, Kalala, Mulumba, Ngoy/Ngoyi, Kasongo,
    Mutombo, Nkulu, Kabongo, Lumbala, Mwamba, Makiese, Nsimba, Lusamba, Mbuyi, Kanku, Tshimanga,
    Bokungu, Nzuzi, Kiala, Matondo, Malu, Mpiana, Kayembe, Luzolo"""
)
_NG_MALE = _names(
    """Chinedu, Emeka, Ikechukwu, Oluwaseun/Seun, Tunde, Babatunde, Ibrahim, Musa, Uche, Chukwuemeka,
    Samuel, Daniel, Godwin, Victor, Kelechi, Obinna, Femi, Segun, Abdullahi/Abdulahi, Usman, Yusuf,
    Emmanuel, Peter, Kingsley, Sunday"""
)
_NG_FEMALE = _names(
    """Blessing, Chioma, Ngozi, Adaeze, Funmilayo/Funmi, Aisha/Aishat, Precious, Joy, Folake, Amaka,
    Esther, Favour, Yetunde, Ifeoma, Nneka, Bukola, Grace, Mercy, Hauwa, Zainab, Comfort, Patience,
    Kemi"""
)
_NG_LAST = _names(
    """Okafor, Adeyemi, Chukwu, Bello, Okonkwo, Eze, Nwosu, Obi, Ogunleye, Adebayo, Abubakar, Ibrahim,
    Okeke, Onyeka, Balogun, Olawale, Uzor, Nnamdi, Ogbu, Akinola, Danjuma, Yusuf, Oladipo, Nwachukwu,
    Ojo, Afolabi, Eke, Umeh, Okoro, Adewale"""
)
_GM_MALE = _names(
    """Lamin/Lamine, Ebrima, Momodou/Modou, Alieu, Omar, Bakary/Bakari, Ousman, Sainey, Musa, Abdoulie,
    Ebou, Pa, Kebba, Yankuba, Saikou, Dawda, Foday, Sulayman, Buba, Malick, Alagie, Ansumana"""
)
_GM_FEMALE = _names(
    """Fatou, Isatou, Mariama, Awa, Haddy, Binta, Kaddy, Aji, Ndey, Jainaba, Oumie, Sainabou, Ramatoulie,
    Amie, Nyima, Metta, Kumba, Maimuna, Rohey, Satou, Haddijatou"""
)
_GM_LAST = _names(
    """Jallow, Ceesay, Bah, Touray, Sanneh, Camara, Darboe, Njie, Sowe, Manneh, Jobe, Drammeh, Fofana,
    Conteh, Bojang, Sonko, Kujabi, Saidy, Colley, Jarju, Badjie, Gassama, Jatta, Sarr, Sillah"""
)
_BF_MALE = _names(
    """Ousmane, Issouf, Salif, Boukary, Adama, Moussa, Hamidou, Abdoul, Karim, Rasmané/Rasmane,
    Souleymane, Inoussa, Idrissa, Arouna, Lassané/Lassane, Seydou, Amidou, Harouna, Mahamadi,
    Boureima, Yacouba, Noufou, Issa"""
)
_BF_FEMALE = _names(
    """Mariam, Awa, Salamata, Aminata, Rasmata, Alimata, Zénabo/Zenabo, Fatimata, Pauline,
    Alizèta/Alizeta, Habibou, Assétou/Assetou, Aïssata/Aissata, Kadidiatou, Haoua, Safiatou, Bibata,
    Rosalie, Odile, Fati, Adjaratou, Nafissatou"""
)
_BF_LAST = _names(
    """Ouédraogo/Ouedraogo, Sawadogo, Compaoré/Compaore, Zongo, Kaboré/Kabore, Traoré/Traore, Ouattara,
    Sanou, Zoungrana, Nikiéma/Nikiema, Ilboudo, Yaméogo/Yameogo, Kinda, Tiendrébéogo/Tiendrebeogo,
    Bamogo, Sana, Diallo, Barry, Kafando, Zerbo, Belem, Tapsoba, Kientega"""
)
_TD_MALE = _names(
    """Mahamat, Abakar, Idriss, Hissein/Hissène, Zakaria, Moussa, Adoum, Haroun, Brahim, Ali, Youssouf,
    Abdelkerim, Djibrine, Ousmane, Saleh, Hassan, Issa, Oumar, Abdoulaye, Annour, Nassour, Allamine"""
)
_TD_FEMALE = _names(
    """Achta, Zara, Hawa, Fatimé/Fatime, Khadidja, Mariam, Halimé/Halime, Amina, Mouna, Hadjé/Hadje,
    Zenaba, Kaltouma, Asta, Ramatou, Aché/Ache, Haoua, Nafissa, Djamila, Saadié/Saadie, Mahadjir"""
)
_TD_LAST = _names(
    """Mahamat, Abakar, Hassane, Ousmane, Adoum, Haroun, Brahim, Abdallah, Saleh, Moussa, Ahmat, Idriss,
    Djibrine, Oumar, Youssouf, Nodjimbadem, Ngaradoum, Djimadoum, Ngarlem, Allarassem"""
)
_CF_MALE = _names(
    """Jean-Paul, Christian, Thierry, Serge, Prince, Rodrigue, Brice, Guy, Hervé, Fidèle/Fidele, Aubin,
    Arsène/Arsene, Freddy, Parfait, Abdel, Ibrahim, Moussa, Ousmane, Ali, Claude, Dieudonné, Junior"""
)
_CF_FEMALE = _names(
    """Grâce, Chantal, Nadège, Blandine, Bertille, Élodie/Elodie, Prisca, Solange, Clarisse, Mireille,
    Gisèle, Sylvie, Carine, Fatimé, Aïssa/Aissa, Hawa, Mariam, Espérance/Esperance, Rosine, Flavienne"""
)
_CF_LAST = _names(
    """Ndoumba, Yangongo, Zowa, Koyambounou, Ngouandji, Doko, Namkona, Sélémby/Selemby, Kossi,
    Yakité/Yakite, Ngaïkossé/Ngaikosse, Feïndiro/Feindiro, Mbaïkoua/Mbaikoua, Zanga, Gbazi, Kongbo,
    Sérémalé/Seremale, Wanzet, Yérima/Yerima, Dembo"""
)

# -- where people come from ------------------------------------------------------------------------

_S = MigrationStatus
_L = LanguageLevel
_LEVELS = (_L.A1, _L.A2, _L.B1, _L.B2, _L.C1, _L.C2)


@dataclass(frozen=True)
class _Origin:
    country: str
    weight: float
    female_share: float
    male: _Pick[_Name]
    female: _Pick[_Name]
    last: _Pick[_Name]
    status: _Pick[MigrationStatus]
    #: mother tongue(s): one is picked
    native: _Pick[str]
    #: other languages: (code, probability, lowest level index, highest level index in _LEVELS)
    extra: tuple[tuple[str, float, int, int], ...]
    zone: str  # school system: "ma", "fr", "en", "ar"
    mobile: tuple[str, tuple[str, ...], int]  # country calling code, mobile prefixes, national length
    arabic_script: bool = False


def _origin(
    country: str,
    weight: float,
    female_share: float,
    names: tuple[tuple[_Name, ...], tuple[_Name, ...], tuple[_Name, ...]],
    status: dict[MigrationStatus, float],
    native: dict[str, float],
    extra: tuple[tuple[str, float, int, int], ...],
    zone: str,
    mobile: tuple[str, tuple[str, ...], int],
    arabic_script: bool = False,
) -> _Origin:
    male, female, last = names
    return _Origin(
        country,
        weight,
        female_share,
        _zipf(male),
        _zipf(female),
        _zipf(last, 0.7),
        _Pick(list(status.items())),
        _Pick(list(native.items())),
        extra,
        zone,
        mobile,
        arabic_script,
    )


_WEST_AFRICAN_ARRIVALS = ("ary", 0.35, 0, 2)  # Darija picked up in Tangier

_ORIGINS: tuple[_Origin, ...] = (
    _origin(
        "MA", 45, 0.46, (_MA_MALE, _MA_FEMALE, _MA_LAST),
        {_S.MOROCCAN: 0.88, _S.RETURNEE: 0.12},
        {"ary": 0.86, "rif": 0.1, "zgh": 0.04},
        (("ar", 0.95, 2, 5), ("fr", 0.75, 0, 4), ("es", 0.35, 0, 3), ("en", 0.3, 0, 3)),
        "ma", ("212", (), 9), arabic_script=True,
    ),
    _origin(
        "SN", 9, 0.35, (_SN_MALE, _SN_FEMALE, _SN_LAST),
        {_S.REGULAR_MIGRANT: 0.55, _S.IRREGULAR: 0.25, _S.ASYLUM_SEEKER: 0.06, _S.REFUGEE_UNHCR: 0.04,
         _S.OTHER: 0.1},
        {"wo": 0.7, "ff": 0.2, "srr": 0.05, "dyo": 0.05},
        (("fr", 0.95, 1, 4), ("ar", 0.2, 0, 1), _WEST_AFRICAN_ARRIVALS, ("es", 0.15, 0, 2),
         ("en", 0.15, 0, 2)),
        "fr", ("221", ("77", "78", "76", "70", "75"), 9),
    ),
    _origin(
        "GN", 9, 0.3, (_GN_MALE, _GN_FEMALE, _GN_LAST),
        {_S.REGULAR_MIGRANT: 0.25, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_UNHCR: 0.12,
         _S.OTHER: 0.08},
        {"ff": 0.45, "sus": 0.3, "man": 0.25},
        (("fr", 0.9, 0, 4), _WEST_AFRICAN_ARRIVALS, ("en", 0.1, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("224", ("62", "66", "65", "61"), 9),
    ),
    _origin(
        "CI", 8, 0.4, (_CI_MALE, _CI_FEMALE, _CI_LAST),
        {_S.REGULAR_MIGRANT: 0.35, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.08,
         _S.OTHER: 0.07},
        {"fr": 0.5, "dyu": 0.5},
        (("fr", 1.0, 3, 5), _WEST_AFRICAN_ARRIVALS, ("en", 0.2, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("225", ("07", "05", "01"), 10),
    ),
    _origin(
        "ML", 5, 0.3, (_ML_MALE, _ML_FEMALE, _ML_LAST),
        {_S.REGULAR_MIGRANT: 0.2, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_UNHCR: 0.18,
         _S.OTHER: 0.07},
        {"bm": 0.75, "snk": 0.15, "ff": 0.1},
        (("fr", 0.8, 0, 4), ("ar", 0.15, 0, 2), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 1)),
        "fr", ("223", ("76", "79", "66", "65", "70", "73", "74", "75", "77", "78", "90", "91", "92"), 8),
    ),
    _origin(
        "CM", 5, 0.4, (_CM_MALE, _CM_FEMALE, _CM_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.35, _S.ASYLUM_SEEKER: 0.18, _S.REFUGEE_UNHCR: 0.12,
         _S.OTHER: 0.05},
        {"fr": 0.55, "ewo": 0.15, "bas": 0.1, "dua": 0.1, "en": 0.1},
        (("fr", 1.0, 4, 5), ("en", 0.45, 1, 4), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 2)),
        "fr", ("237", ("67", "69", "65", "68", "66"), 9),
    ),
    _origin(
        "CD", 4, 0.45, (_CD_MALE, _CD_FEMALE, _CD_LAST),
        {_S.REGULAR_MIGRANT: 0.15, _S.IRREGULAR: 0.2, _S.ASYLUM_SEEKER: 0.3, _S.REFUGEE_UNHCR: 0.3,
         _S.REFUGEE_MOROCCO: 0.05},
        {"ln": 0.6, "sw": 0.2, "lua": 0.1, "kg": 0.1},
        (("fr", 1.0, 2, 5), ("en", 0.2, 0, 3), ("ary", 0.25, 0, 2), ("es", 0.1, 0, 1)),
        "fr", ("243", ("81", "82", "84", "85", "89", "97", "99"), 9),
    ),
    _origin(
        "NG", 3, 0.4, (_NG_MALE, _NG_FEMALE, _NG_LAST),
        {_S.REGULAR_MIGRANT: 0.2, _S.IRREGULAR: 0.5, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.05,
         _S.OTHER: 0.1},
        {"ig": 0.35, "yo": 0.35, "ha": 0.2, "pcm": 0.1},
        (("en", 1.0, 3, 5), ("fr", 0.2, 0, 1), ("ary", 0.25, 0, 1), ("es", 0.1, 0, 1)),
        "en",
        ("234", ("803", "806", "813", "816", "703", "706", "802", "808", "812", "902", "905", "810"), 10),
    ),
    _origin(
        "SD", 4, 0.2, (_ARAB_MALE, _ARAB_FEMALE, _SD_LAST),
        {_S.REFUGEE_UNHCR: 0.45, _S.ASYLUM_SEEKER: 0.35, _S.REFUGEE_MOROCCO: 0.1, _S.REGULAR_MIGRANT: 0.05,
         _S.IRREGULAR: 0.05},
        {"ar": 1.0},
        (("en", 0.5, 1, 3), ("ary", 0.4, 1, 3), ("fr", 0.1, 0, 1)),
        "ar", ("249", ("91", "92", "90", "96", "99", "12", "11"), 9), arabic_script=True,
    ),
    _origin(
        "SY", 2.5, 0.4, (_ARAB_MALE, _ARAB_FEMALE, _SY_LAST),
        {_S.REFUGEE_UNHCR: 0.5, _S.ASYLUM_SEEKER: 0.2, _S.REFUGEE_MOROCCO: 0.15, _S.REGULAR_MIGRANT: 0.15},
        {"ar": 0.92, "ku": 0.08},
        (("ar", 1.0, 4, 5), ("en", 0.45, 0, 3), ("ary", 0.4, 1, 3), ("fr", 0.15, 0, 2), ("tr", 0.1, 0, 2)),
        "ar", ("963", ("93", "94", "95", "96", "98", "99"), 9), arabic_script=True,
    ),
    _origin(
        "YE", 1.5, 0.25, (_ARAB_MALE, _ARAB_FEMALE, _YE_LAST),
        {_S.REFUGEE_UNHCR: 0.45, _S.ASYLUM_SEEKER: 0.3, _S.REFUGEE_MOROCCO: 0.1, _S.REGULAR_MIGRANT: 0.15},
        {"ar": 1.0},
        (("en", 0.45, 0, 3), ("ary", 0.35, 1, 3), ("fr", 0.1, 0, 1)),
        "ar", ("967", ("77", "73", "71", "70"), 9), arabic_script=True,
    ),
    _origin(
        "GM", 1.2, 0.25, (_GM_MALE, _GM_FEMALE, _GM_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.4, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.05,
         _S.OTHER: 0.1},
        {"man": 0.4, "wo": 0.3, "ff": 0.2, "snk": 0.1},
        (("en", 0.95, 2, 4), ("fr", 0.15, 0, 1), _WEST_AFRICAN_ARRIVALS, ("es", 0.1, 0, 1)),
        "en", ("220", ("7", "3", "2", "9"), 7),
    ),
    _origin(
        "BF", 1.2, 0.3, (_BF_MALE, _BF_FEMALE, _BF_LAST),
        {_S.REGULAR_MIGRANT: 0.3, _S.IRREGULAR: 0.4, _S.ASYLUM_SEEKER: 0.15, _S.REFUGEE_UNHCR: 0.1,
         _S.OTHER: 0.05},
        {"mos": 0.6, "dyu": 0.2, "ff": 0.2},
        (("fr", 0.85, 0, 4), _WEST_AFRICAN_ARRIVALS, ("en", 0.1, 0, 1)),
        "fr", ("226", ("70", "76", "78", "75", "65", "66", "60", "51", "71", "72", "74", "77"), 8),
    ),
    _origin(
        "TD", 0.8, 0.3, (_TD_MALE, _TD_FEMALE, _TD_LAST),
        {_S.ASYLUM_SEEKER: 0.35, _S.REFUGEE_UNHCR: 0.35, _S.IRREGULAR: 0.15, _S.REGULAR_MIGRANT: 0.15},
        {"shu": 0.6, "sba": 0.4},
        (("fr", 0.8, 1, 4), ("ar", 0.5, 2, 4), ("ary", 0.3, 0, 2)),
        "fr", ("235", ("63", "66", "65", "99", "90", "92", "60", "62", "93", "95", "98"), 8),
    ),
    _origin(
        "CF", 0.8, 0.4, (_CF_MALE, _CF_FEMALE, _CF_LAST),
        {_S.REFUGEE_UNHCR: 0.4, _S.ASYLUM_SEEKER: 0.35, _S.IRREGULAR: 0.15, _S.REGULAR_MIGRANT: 0.1},
        {"sg": 1.0},
        (("fr", 0.9, 2, 4), ("ary", 0.25, 0, 1), ("en", 0.1, 0, 1)),
        "fr", ("236", ("70", "72", "75", "77"), 8),
    ),
)  # fmt: skip

# Moroccan mobile numbers: 06 and 07 followed by 8 digits, on the prefixes phonenumbers accepts.
_MA_MOBILE_PREFIXES = _Pick(
    [(f"6{n:02d}", 0.7 / 97) for n in range(100) if n not in (83, 85, 86)]
    + [(f"7{n:02d}", 0.3 / 30) for n in (*range(10), *range(60, 80))]
)

# -- what people know and did -----------------------------------------------------------------------

_Z = SkillSector


@dataclass(frozen=True)
class _Sector:
    sector: SkillSector
    male_weight: float
    female_weight: float
    skills: tuple[str, ...]
    #: "masculine|feminine" when the title changes with the person
    jobs: tuple[str, ...]
    employers: tuple[str, ...]
    employers_morocco: tuple[str, ...]
    #: vocational diplomas by school system
    diplomas: dict[str, tuple[str, ...]]


_SECTORS: tuple[_Sector, ...] = (
    _Sector(
        _Z.CONSTRUCTION, 24, 1,
        ("Maçonnerie", "Carrelage", "Peinture en bâtiment", "Plomberie", "Électricité bâtiment", "Coffrage",
         "Ferraillage", "Plâtrerie", "Menuiserie aluminium", "Soudure"),
        ("Maçon", "Aide-maçon", "Carreleur", "Peintre en bâtiment", "Plombier", "Électricien", "Ferrailleur",
         "Manœuvre de chantier", "Soudeur"),
        ("Chantier (journalier)", "Entreprise de BTP", "Particuliers", "Petite entreprise de construction"),
        ("Chantier Tanger Boulevard", "Chantier Ibn Batouta", "Entreprise BTP Boukhalef",
         "Sous-traitant Tanger Med"),
        {"ma": ("Qualification OFPPT en maçonnerie", "Diplôme OFPPT technicien en électricité",
                "Qualification OFPPT en plomberie sanitaire"),
         "fr": ("CAP maçonnerie", "CAP électricité bâtiment", "CAP plomberie"),
         "en": ("City & Guilds Electrical Installation", "NABTEB Certificate in Welding"),
         "ar": ("Diplôme d'institut technique en électricité",)},
    ),
    _Sector(
        _Z.AGRICULTURE, 8, 4,
        ("Travaux agricoles", "Cueillette de fruits rouges", "Élevage", "Conduite de tracteur", "Maraîchage",
         "Irrigation goutte-à-goutte", "Arboriculture"),
        ("Ouvrier agricole|Ouvrière agricole", "Cueilleur de fraises|Cueilleuse de fraises", "Berger|Bergère",
         "Jardinier|Jardinière"),
        ("Exploitation agricole", "Coopérative agricole", "Ferme familiale"),
        ("Exploitation fruits rouges (Larache)", "Domaine agricole du Loukkos", "Pépinière de Tanger"),
        {"ma": ("Qualification OFPPT en production agricole",), "fr": ("CAP agricole",),
         "en": ("Certificate in Agriculture",), "ar": ("Diplôme d'institut agricole",)},
    ),
    _Sector(
        _Z.TEXTILE, 4, 22,
        ("Couture", "Piquage industriel", "Repassage industriel", "Coupe", "Broderie",
         "Contrôle qualité textile", "Retouches"),
        ("Couturier|Couturière", "Piqueur|Piqueuse", "Repasseur|Repasseuse",
         "Contrôleur qualité|Contrôleuse qualité", "Coupeur|Coupeuse"),
        ("Atelier de confection", "Atelier de couture du quartier", "Tailleur"),
        ("Usine textile (zone franche de Tanger)", "Confection Gzenaya", "Atelier de confection Mghogha"),
        {"ma": ("Qualification OFPPT en couture", "Technicien OFPPT en confection industrielle"),
         "fr": ("CAP couture", "CAP coupe et couture"), "en": ("Certificate in Fashion Design",),
         "ar": ("Diplôme de couture",)},
    ),
    _Sector(
        _Z.HOTELS_CATERING, 14, 16,
        ("Cuisine", "Pâtisserie", "Service en salle", "Plonge", "Boulangerie", "Barista",
         "Réception hôtelière", "Entretien des chambres"),
        ("Commis de cuisine", "Cuisinier|Cuisinière", "Serveur|Serveuse", "Plongeur|Plongeuse",
         "Pâtissier|Pâtissière", "Valet de chambre|Femme de chambre", "Réceptionniste",
         "Boulanger|Boulangère"),
        ("Restaurant", "Café", "Snack", "Hôtel", "Boulangerie", "Maquis"),
        ("Café Hafa", "Hôtel de la corniche", "Restaurant du port", "Snack Iberia", "Pâtisserie Malabata"),
        {"ma": ("Qualification OFPPT en cuisine", "Technicien OFPPT en pâtisserie",
                "Qualification OFPPT en service de restauration"),
         "fr": ("CAP cuisine", "CAP pâtisserie", "CAP restauration"), "en": ("Certificate in Catering",),
         "ar": ("Diplôme d'institut hôtelier",)},
    ),
    _Sector(
        _Z.COMMERCE, 14, 14,
        ("Vente", "Caisse", "Mise en rayon", "Commerce ambulant", "Relation client", "Gestion de stock",
         "Téléconseil"),
        ("Vendeur|Vendeuse", "Caissier|Caissière", "Magasinier|Magasinière", "Téléconseiller|Téléconseillère",
         "Marchand ambulant|Marchande ambulante", "Employé libre-service|Employée libre-service"),
        ("Boutique de vêtements", "Commerce familial", "Centre d'appels", "Marché"),
        ("Marjane Tanger", "Carrefour Market", "Souk Casabarata", "Centre d'appels Tanger",
         "Tanger City Mall"),
        {"ma": ("Technicien OFPPT en commerce", "Technicien spécialisé OFPPT en gestion des entreprises"),
         "fr": ("BEP vente", "CAP vente"), "en": ("Certificate in Sales and Marketing",),
         "ar": ("Diplôme de commerce",)},
    ),
    _Sector(
        _Z.ICT, 6, 4,
        ("Développement web", "Bureautique", "Maintenance informatique", "Graphisme", "Réseaux informatiques",
         "Community management", "Réparation de téléphones"),
        ("Développeur web|Développeuse web", "Technicien informatique|Technicienne informatique",
         "Agent de saisie|Agente de saisie", "Réparateur de téléphones|Réparatrice de téléphones"),
        ("Cybercafé", "Agence web", "Boutique de téléphonie", "Freelance"),
        ("Agence web Tanger", "Boutique de téléphonie Beni Makada", "Centre d'appels Tanger"),
        {"ma": ("Technicien spécialisé OFPPT en développement digital",
                "Technicien OFPPT en maintenance informatique"),
         "fr": ("BTS informatique", "Certificat en bureautique"), "en": ("Diploma in Computer Studies",),
         "ar": ("Diplôme d'institut technique en informatique",)},
    ),
    _Sector(
        _Z.BEAUTY, 3, 14,
        ("Coiffure", "Tresses africaines", "Esthétique", "Onglerie", "Barbier", "Maquillage",
         "Soins au hammam"),
        ("Coiffeur|Coiffeuse", "Barbier|Maquilleuse", "Esthéticien|Esthéticienne", "Tresseur|Tresseuse"),
        ("Salon de coiffure", "Salon de beauté", "À domicile"),
        ("Salon de coiffure Mesnana", "Hammam du quartier", "Salon de beauté Souani"),
        {"ma": ("Qualification OFPPT en coiffure", "Qualification OFPPT en esthétique"),
         "fr": ("CAP coiffure", "CAP esthétique"), "en": ("Certificate in Cosmetology",),
         "ar": ("Diplôme de coiffure",)},
    ),
    _Sector(
        _Z.CRAFTS, 8, 3,
        ("Menuiserie bois", "Zellige", "Cordonnerie", "Tapisserie", "Ferronnerie", "Poterie", "Maroquinerie",
         "Ébénisterie"),
        ("Menuisier|Menuisière", "Cordonnier|Cordonnière", "Zelligeur|Potière", "Tapissier|Tapissière",
         "Ferronnier|Ferronnière"),
        ("Atelier de menuiserie", "Coopérative artisanale", "Atelier familial"),
        ("Atelier de la médina", "Ensemble artisanal de Tanger", "Coopérative artisanale de Tanger"),
        {"ma": ("Qualification OFPPT en menuiserie", "Qualification OFPPT en ébénisterie"),
         "fr": ("CAP menuiserie", "CAP ébénisterie"), "en": ("Certificate in Carpentry and Joinery",),
         "ar": ("Diplôme de menuiserie",)},
    ),
    _Sector(
        _Z.TRANSPORT, 14, 2,
        ("Conduite poids lourd", "Conduite (permis B)", "Cariste", "Logistique et manutention",
         "Livraison à moto", "Mécanique automobile", "Préparation de commandes"),
        ("Chauffeur|Chauffeuse", "Chauffeur poids lourd", "Cariste", "Manutentionnaire", "Livreur|Livreuse",
         "Mécanicien|Mécanicienne", "Préparateur de commandes|Préparatrice de commandes"),
        ("Société de transport", "Garage", "Entrepôt", "Taxi"),
        ("Sous-traitant logistique Tanger Med", "Entrepôt zone franche", "Livraison à domicile (plateforme)",
         "Garage Bir Chifa"),
        {"ma": ("Technicien OFPPT en logistique", "Qualification OFPPT en réparation automobile",
                "Permis poids lourd (catégorie C)"),
         "fr": ("CAP mécanique automobile", "Permis poids lourd"), "en": ("Certificate in Motor Mechanics",),
         "ar": ("Diplôme de mécanique automobile",)},
    ),
    _Sector(
        _Z.CARE, 2, 18,
        ("Aide à domicile", "Garde d'enfants", "Ménage", "Aide-soignant",
         "Accompagnement des personnes âgées", "Cuisine familiale"),
        ("Aide à domicile", "Garde d'enfants", "Aide ménager|Aide ménagère", "Aide-soignant|Aide-soignante",
         "Agent d'entretien|Agente d'entretien"),
        ("Famille (particulier)", "Société de nettoyage", "Clinique", "Crèche"),
        ("Famille à Malabata", "Clinique du Détroit", "Société de nettoyage Tanger"),
        {"ma": ("Qualification en aide-soignance", "Attestation d'auxiliaire de vie"),
         "fr": ("CAP petite enfance", "Certificat d'aide-soignant"),
         "en": ("Certificate in Health and Social Care",),
         "ar": ("Diplôme d'aide-soignant",)},
    ),
    _Sector(
        _Z.OTHER, 7, 4,
        ("Gardiennage", "Sécurité", "Animation", "Traduction et interprétariat", "Pêche"),
        ("Gardien|Gardienne", "Agent de sécurité|Agente de sécurité", "Pêcheur", "Interprète",
         "Animateur|Animatrice"),
        ("Société de gardiennage", "Association", "ONG"),
        ("Port de pêche de Tanger", "Société de gardiennage Tanger", "Association de quartier"),
        {"ma": ("Attestation de formation en sécurité",), "fr": ("Certificat d'agent de sécurité",),
         "en": ("Certificate in Security Services",), "ar": ("Attestation de formation",)},
    ),
)  # fmt: skip

_SECTOR_FOR_MEN = _Pick([(s, s.male_weight) for s in _SECTORS])
_SECTOR_FOR_WOMEN = _Pick([(s, s.female_weight) for s in _SECTORS])

_E = EducationLevel
_EDUCATION: dict[str, _Pick[EducationLevel]] = {
    "ma": _Pick([(_E.NONE, 4), (_E.PRIMARY, 12), (_E.LOWER_SECONDARY, 28), (_E.UPPER_SECONDARY, 25),
                 (_E.VOCATIONAL, 19), (_E.HIGHER, 12)]),
    "fr": _Pick([(_E.NONE, 9), (_E.KORANIC, 6), (_E.PRIMARY, 18), (_E.LOWER_SECONDARY, 22),
                 (_E.UPPER_SECONDARY, 20), (_E.VOCATIONAL, 10), (_E.HIGHER, 15)]),
    "en": _Pick([(_E.NONE, 5), (_E.KORANIC, 3), (_E.PRIMARY, 15), (_E.LOWER_SECONDARY, 20),
                 (_E.UPPER_SECONDARY, 30), (_E.VOCATIONAL, 10), (_E.HIGHER, 17)]),
    "ar": _Pick([(_E.NONE, 5), (_E.KORANIC, 3), (_E.PRIMARY, 15), (_E.LOWER_SECONDARY, 22),
                 (_E.UPPER_SECONDARY, 25), (_E.VOCATIONAL, 10), (_E.HIGHER, 20)]),
}  # fmt: skip
_EDUCATION_RANK = {level: rank for rank, level in enumerate(EducationLevel)}

_LOWER_SECONDARY: dict[str, tuple[str, ...]] = {
    "ma": ("Brevet d'enseignement collégial",),
    "fr": ("BEPC",),
    "en": ("Junior School Certificate (JSSCE)",),
    "ar": ("Certificat d'études de base",),
    "SN": ("BFEM",),
}
_UPPER_SECONDARY: dict[str, tuple[str, ...]] = {
    "ma": (
        "Baccalauréat sciences expérimentales",
        "Baccalauréat lettres",
        "Baccalauréat sciences économiques",
        "Baccalauréat sciences mathématiques",
        "Baccalauréat professionnel",
    ),
    "fr": ("Baccalauréat série A", "Baccalauréat série D", "Baccalauréat série C", "Baccalauréat série G2"),
    "en": ("WASSCE (West African Senior School Certificate)",),
    "ar": ("Baccalauréat (Thanawiya Amma)",),
    "CD": ("Diplôme d'État (humanités scientifiques)", "Diplôme d'État (humanités commerciales)"),
    "SD": ("Sudan School Certificate",),
}
_HIGHER: dict[str, tuple[str, ...]] = {
    "ma": (
        "Licence en économie et gestion",
        "Licence en droit privé",
        "Licence en études anglaises",
        "Licence professionnelle en logistique",
        "Licence en études islamiques",
        "Master en management",
        "DUT génie électrique",
        "BTS comptabilité",
        "Licence en sciences de la vie",
    ),
    "fr": (
        "Licence en économie",
        "Licence en droit",
        "Licence en sociologie",
        "BTS informatique de gestion",
        "BTS comptabilité",
        "Master en gestion des ressources humaines",
        "Licence en géographie",
        "DUT génie civil",
    ),
    "en": (
        "B.Sc. Economics",
        "HND Computer Science",
        "OND Business Administration",
        "B.A. English",
        "B.Sc. Accounting",
        "NCE (National Certificate in Education)",
    ),
    "ar": (
        "Licence en comptabilité",
        "Licence en littérature arabe",
        "Licence en génie civil",
        "Licence en droit",
        "Diplôme d'infirmier",
        "Licence en informatique",
    ),
    "CD": ("Graduat en informatique de gestion", "Licence en économie", "Graduat en sciences commerciales"),
}
_SHORT_TRAININGS = (
    "Attestation de formation en soudure (Fondation Orient-Occident)",
    "Attestation de formation en cuisine (Caritas)",
    "Attestation de formation en couture (Association Darna)",
    "Attestation de formation en informatique de base",
    "Certificat de langue française (Institut français)",
    "Attestation de formation en coiffure",
)

_DISABILITY_NOTES = (
    "Malvoyant, lit avec difficulté les petits caractères",
    "Handicap moteur léger (jambe gauche)",
    "Malentendant, préfère les échanges par écrit ou WhatsApp",
    "Ne peut pas porter de charges lourdes (dos)",
    "Amputation d'un doigt (accident de chantier)",
    "Diabète : horaires de travail réguliers souhaités",
    "Séquelles d'une blessure au bras droit",
)

_NEIGHBOURHOODS_MA = _uniform(
    (
        "Beni Makada", "Casabarata", "Bir Chifa", "Mesnana", "Drissia", "Souani", "Médina", "Marchan",
        "Dradeb", "Hay Hassani", "Branes", "Mghogha", "Al Aouama", "Charf", "Ain Ktiouet", "Boukhalef",
        "Malabata", "Iberia", "Gzenaya", "Hay Mabrouk", "Bendiban", "Msallah", "Val Fleuri",
    )
)  # fmt: skip
_NEIGHBOURHOODS_MIGRANTS = _Pick(
    [("Boukhalef", 5), ("Mesnana", 4), ("Al Irfane", 3), ("Casabarata", 2), ("Beni Makada", 2),
     ("Branes", 1), ("Gzenaya", 1), ("Médina", 1), ("Bir Chifa", 1)]
)  # fmt: skip
_CITIES = _Pick([("Tanger", 95), ("Tétouan", 2), ("Asilah", 2), ("Larache", 1)])
_PARTNERS_MIGRANTS = _uniform(
    (
        "Caritas Tanger",
        "Délégation diocésaine aux migrations",
        "Fondation Orient-Occident",
        "HCR",
        "OIM",
        "Association Darna",
        "Association ALCS",
    )
)
_PARTNERS_MA = _uniform(
    (
        "ANAPEC Tanger",
        "Association Darna",
        "Maison des jeunes Beni Makada",
        "Entraide nationale",
        "Plateforme des jeunes INDH",
        "Fondation Mohammed V",
    )
)
_HEARD_FROM = _Pick(
    [(HeardFrom.WORD_OF_MOUTH, 40), (HeardFrom.PARTNER, 25), (HeardFrom.SOCIAL_MEDIA, 15),
     (HeardFrom.OUTREACH, 10), (HeardFrom.EVENT, 5), (HeardFrom.OTHER, 5)]
)  # fmt: skip
_OCCUPATION = _Pick(
    [(Occupation.UNEMPLOYED, 55), (Occupation.INFORMAL, 24), (Occupation.EMPLOYED, 8),
     (Occupation.SELF_EMPLOYED, 5), (Occupation.STUDENT, 8)]
)  # fmt: skip
_AGE = _Pick(
    [((16, 17), 4), ((18, 21), 18), ((22, 25), 22), ((26, 30), 22), ((31, 35), 17), ((36, 45), 12),
     ((46, 54), 5)]
)  # fmt: skip
# Opening hours, local time (a quiet lunch break and Friday prayer are folded into the weights).
_HOURS = _Pick([(9, 8), (10, 16), (11, 17), (12, 12), (13, 4), (14, 12), (15, 15), (16, 11), (17, 5)])
_HOLIDAYS = frozenset({(1, 1), (1, 11), (1, 14), (5, 1), (7, 30), (8, 14), (8, 20), (8, 21), (11, 6), (11, 18)})
_RETURN_COUNTRIES = _Pick([("ES", 45), ("FR", 15), ("IT", 15), ("BE", 10), ("NL", 8), ("DE", 7)])
_TRANSIT_COUNTRIES = _Pick([("DZ", 5), ("MR", 4), ("ML", 2), ("LY", 1)])
_CNIE_PREFIXES = _Pick(
    [("K", 20), ("KB", 14), ("L", 10), ("LC", 6), ("LB", 4), ("BE", 6), ("BK", 4), ("BJ", 3), ("A", 4),
     ("AB", 3), ("BH", 3), ("G", 3), ("J", 3), ("JC", 2), ("Z", 2), ("ZG", 2), ("D", 2), ("X", 1)]
)  # fmt: skip
_EMAIL_DOMAINS = _Pick([("gmail.com", 80), ("hotmail.com", 8), ("hotmail.fr", 5), ("yahoo.fr", 5), ("outlook.fr", 2)])
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum()).lower()


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _misspell(name: str) -> str | None:
    """A spelling a counsellor could type for ``name`` on a second visit, or None."""
    for rewrite in (
        _strip_accents,
        lambda s: s.replace("ou", "u", 1),
        lambda s: s.replace("y", "i", 1),
        lambda s: s.replace("ss", "s", 1),
        lambda s: s.replace("ll", "l", 1),
        lambda s: s.replace("k", "c", 1) if "k" in s[1:] else s,
        lambda s: s.replace("h", "", 1) if "h" in s[1:] else s,
    ):
        changed = rewrite(name)
        if changed != name and len(changed) >= 2:
            return changed
    return None


def _respelt(spelling: str, name: _Name) -> _Name:
    return ((spelling,), name[1])


_UUID4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: _Random) -> str:
    """``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, without building the UUID object."""
    hexa = f"{(rng.getrandbits(128) & _UUID4_CLEAR) | _UUID4_SET:032x}"
    return f"{hexa[:8]}-{hexa[8:12]}-{hexa[12:16]}-{hexa[16:20]}-{hexa[20:]}"


@dataclass
class _Identity:
    """What a second registration of the same person repeats."""

    origin: _Origin
    female: bool
    first: _Name
    last: _Name
    first_variant: int
    last_variant: int
    birth_date: date | None
    birth_year: int | None
    phone: str | None
    arabic_name: str
    status: MigrationStatus | None = None  # drawn for a new person, repeated for a second visit


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


class _Values:
    """The dialect's own conversions of dates, timestamps and booleans, applied once per value.

    Rows go to the driver as they will be stored (bypassing per-row parameter processing is what
    makes 100,000 people fit in a minute), so these values must be converted here, exactly as the
    column types would convert them.
    """

    def __init__(self, dialect: Dialect) -> None:
        self.moment = _processor(_table(Beneficiary).c.created_at.type, dialect)
        self.day = _processor(_table(Beneficiary).c.registered_on.type, dialect)
        self.flag = _processor(_table(Beneficiary).c.has_disability.type, dialect)


def _processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any]:
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    return process if process is not None else _unchanged


def _unchanged(value: Any) -> Any:
    return value


#: column types whose values the generator converts itself (see _Values)
_CONVERTED = (Date, Boolean, UTCDateTime)


#: SQL text and its parameters: one tuple for one execution, a list of them for executemany
_Statement = tuple[str, Any]


def _run(connection: Connection, statements: list[_Statement]) -> None:
    for sql, params in statements:
        connection.exec_driver_sql(sql, params)


def _write(connection: Connection, rows: _Rows, bulks: dict[type[Base], _Bulk]) -> None:
    _run(connection, rows.statements(bulks))


class _Bulk:
    """Inserts of one table's rows, built from the INSERT statement the dialect compiles for it."""

    def __init__(self, connection: Connection, model: type[Base]) -> None:
        table = _table(model)
        dialect = connection.dialect
        keys = [column.key for column in table.columns]
        compiled = insert(table).compile(dialect=dialect, column_keys=keys)
        self.sql = str(compiled)
        self.positional = bool(compiled.positional)
        self.order = list(compiled.positiontup or keys) if self.positional else keys
        self.values = itemgetter(*self.order)
        # Values of columns the generator does not know (added to the model after it was written).
        self.table = table
        self.fillers: dict[str, Any] | None = None
        # Rows go in primary-key order: far fewer index pages touched per batch.
        self.primary_key = itemgetter(*(self.order.index(column.key) for column in table.primary_key.columns))
        # Many rows per statement where the parameter style allows it: the driver then binds a whole
        # batch at once and the database inserts it in one step (without holding the GIL).
        self.batch = 1
        self.head, values, self.group = self.sql.partition(" VALUES ")
        if self.positional and dialect.paramstyle in ("qmark", "format") and values:
            self.batch = max(1, min(dialect.insertmanyvalues_max_parameters, 32000) // len(self.order))
        self.batch_sql = self._many(self.batch)
        # Conversions of any other column type the model may gain later (none today).
        self.others = [
            (index, process)
            for index, key in enumerate(self.order)
            if not isinstance(table.c[key].type, _CONVERTED)
            and (process := table.c[key].type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]

    def statements(self, rows: list[dict[str, Any]]) -> list[_Statement]:
        """The statements inserting ``rows`` (column name -> value as stored)."""
        if not rows:
            return []
        if len(rows[0]) != len(self.order):
            fillers = self._fillers(rows[0])
            rows = [{**fillers, **row} for row in rows]
        return self._statements(sorted(map(self.values, rows), key=self.primary_key))

    def _fillers(self, sample: dict[str, Any]) -> dict[str, Any]:
        """NULL or the constant default of each column missing from ``sample``."""
        if self.fillers is None:
            self.fillers = {}
            for column in self.table.columns:
                if column.key in sample:
                    continue
                default = column.default
                if default is not None and default.is_scalar:
                    self.fillers[column.key] = default.arg  # type: ignore[attr-defined]
                elif column.nullable:
                    self.fillers[column.key] = None
                else:
                    raise RuntimeError(f"The demo generator gives no value to {column}: update it.")
        return self.fillers

    def pair_statements(self, pairs: list[tuple[str, str]]) -> list[_Statement]:
        """The statements inserting the rows of a (key, beneficiary_id) table given as pairs."""
        if self.order != ["key", "beneficiary_id"]:
            return self.statements([{"key": key, "beneficiary_id": owner} for key, owner in pairs])
        return self._statements(sorted(pairs))

    def _statements(self, params: list[Any]) -> list[_Statement]:
        if not params:
            return []
        if self.others:
            params = [self._convert(values) for values in params]
        if not self.positional:
            params = [dict(zip(self.order, values, strict=True)) for values in params]
        batch = self.batch
        if batch == 1:
            return [(self.sql, params)]  # executemany
        statements: list[_Statement] = []
        for start in range(0, len(params), batch):
            part = params[start : start + batch]
            sql = self.batch_sql if len(part) == batch else self._many(len(part))
            statements.append((sql, tuple(chain.from_iterable(part))))
        return statements

    def _many(self, count: int) -> str:
        """INSERT of ``count`` rows in one statement."""
        if self.batch == 1:
            return self.sql
        return f"{self.head} VALUES {', '.join([self.group] * count)}"

    def _convert(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        converted = list(values)
        for index, process in self.others:
            converted[index] = process(converted[index])
        return tuple(converted)


_BULK_TABLES: tuple[type[Base], ...] = (
    Beneficiary,
    Phone,
    LanguageSkill,
    Diploma,
    Skill,
    WorkExperience,
    SearchKey,
    MatchKey,
    AuditEvent,
)


class _Rows:
    """Rows of one chunk, per table (column name -> value as stored), ready for executemany."""

    def __init__(self) -> None:
        self.beneficiaries: list[dict[str, Any]] = []
        self.phones: list[dict[str, Any]] = []
        self.languages: list[dict[str, Any]] = []
        self.diplomas: list[dict[str, Any]] = []
        self.skills: list[dict[str, Any]] = []
        self.experiences: list[dict[str, Any]] = []
        #: (key, beneficiary_id) pairs
        self.search_keys: list[tuple[str, str]] = []
        self.match_keys: list[tuple[str, str]] = []
        self.events: list[dict[str, Any]] = []

    def statements(self, bulks: dict[type[Base], _Bulk]) -> list[_Statement]:
        # parents first: the children's foreign keys are checked on insert
        return [
            *bulks[Beneficiary].statements(self.beneficiaries),
            *bulks[Phone].statements(self.phones),
            *bulks[LanguageSkill].statements(self.languages),
            *bulks[Diploma].statements(self.diplomas),
            *bulks[Skill].statements(self.skills),
            *bulks[WorkExperience].statements(self.experiences),
            *bulks[SearchKey].pair_statements(self.search_keys),
            *bulks[MatchKey].pair_statements(self.match_keys),
            *bulks[AuditEvent].statements(self.events),
        ]


class _Generator:
    def __init__(self, rng: _Random, users: Sequence[tuple[str, str, Role]], values: _Values) -> None:
        self.rng = rng
        self.moment = values.moment
        self.store_day = values.day
        self.days: dict[date | None, Any] = {}
        self.sort_names: dict[tuple[str, str], str] = {}
        self.flag = values.flag
        by_name = {username: user_id for user_id, username, _ in users}
        self.usernames = {user_id: username for user_id, username, _ in users}
        staff = [by_name["amina"], by_name["youssef"], by_name["fatou"], by_name["coordination"]]
        # Fatou sees more West and Central Africans, Amina and Youssef more Moroccans and Arabic speakers.
        self.counsellor_arabic = _Pick(list(zip(staff, (38, 38, 14, 10), strict=True)))
        self.counsellor_african = _Pick(list(zip(staff, (20, 20, 50, 10), strict=True)))
        self.origins = _Pick([(o, o.weight) for o in _ORIGINS])
        self.used_phones: set[str] = set()
        self.identities: list[_Identity] = []
        self.emails: dict[tuple[str, str], str] = {}
        self.keys = _Keys()

    # -- small helpers --------------------------------------------------------------------------------

    def sort_name(self, first: str, last: str) -> str:
        key = (first, last)
        value = self.sort_names.get(key)
        if value is None:
            value = self.sort_names[key] = mapping.sort_name(first, last)
        return value

    def day(self, value: date | None) -> Any:
        """A date as the column stores it (dates repeat a lot: converted once each)."""
        stored = self.days.get(value, self)
        if stored is self:
            stored = self.days[value] = self.store_day(value)
        return stored

    def digits(self, count: int) -> str:
        return f"{self.rng.below(10**count):0{count}d}"

    def variant(self, name: _Name) -> int:
        variants = name[0]
        if len(variants) == 1 or self.rng.random() < 0.72:
            return 0
        return self.rng.span(1, len(variants))

    def moroccan_mobile(self) -> str:
        while True:
            number = f"+212{_MA_MOBILE_PREFIXES(self.rng)}{self.digits(6)}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def home_mobile(self, origin: _Origin) -> str:
        calling_code, prefixes, length = origin.mobile
        while True:
            prefix = self.rng.pick(prefixes)
            number = f"+{calling_code}{prefix}{self.digits(length - len(prefix))}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    # -- one person -----------------------------------------------------------------------------------

    def identity(self, registered_on: date) -> _Identity:
        rng = self.rng
        if len(self.identities) > 20 and rng.random() < 0.01:
            return self.second_registration()
        origin = self.origins(rng)
        female = rng.random() < origin.female_share
        first = (origin.female if female else origin.male)(rng)
        last = origin.last(rng)
        low, high = _AGE(rng)
        age = rng.between(low, high)
        born = registered_on - timedelta(days=int(age * 365.25) + rng.below(365))
        birth_date: date | None = born
        birth_year: int | None = None
        if origin.country != "MA":
            roll = rng.random()
            if roll < 0.04:  # only the year is known
                birth_date, birth_year = None, born.year
            elif roll < 0.12:  # papers issued with 1 January for an unknown day
                birth_date = date(born.year, 1, 1)
        arabic = ""
        if origin.arabic_script and first[1] and last[1] and rng.random() < 0.9:
            arabic = f"{first[1]} {last[1]}"
        return _Identity(
            origin,
            female,
            first,
            last,
            self.variant(first),
            self.variant(last),
            birth_date,
            birth_year,
            None,
            arabic,
        )

    def second_registration(self) -> _Identity:
        """The same person registered again, typed differently (what duplicate detection must catch)."""
        rng = self.rng
        source = rng.pick(self.identities)
        first_variant, last_variant = source.first_variant, source.last_variant
        first, last = source.first, source.last
        swapped = False
        if len(first[0]) > 1 and rng.random() < 0.5:
            first_variant = (first_variant + 1) % len(first[0])
        elif len(last[0]) > 1:
            last_variant = (last_variant + 1) % len(last[0])
        elif len(first[0]) > 1:
            first_variant = (first_variant + 1) % len(first[0])
        elif (respelt := _misspell(last[0][last_variant])) is not None:
            last, last_variant = _respelt(respelt, last), 0
        elif (respelt := _misspell(first[0][first_variant])) is not None:
            first, first_variant = _respelt(respelt, first), 0
        else:
            swapped = True  # first and last name typed the wrong way round
        # Recognisable by the same date of birth, the same phone, or both.
        same_birth = source.birth_date is not None and (source.phone is None or rng.random() < 0.75)
        same_phone = source.phone is not None and (not same_birth or rng.random() < 0.5)
        if swapped:
            first, last, first_variant, last_variant = last, first, last_variant, first_variant
        if same_birth:
            birth_date, birth_year = source.birth_date, source.birth_year
        else:  # only the year given this time
            birth_date = None
            birth_year = source.birth_date.year if source.birth_date is not None else source.birth_year
        return _Identity(
            source.origin,
            source.female,
            first,
            last,
            first_variant,
            last_variant,
            birth_date,
            birth_year,
            source.phone if same_phone else None,
            source.arabic_name,
            source.status,
        )

    def document(
        self, origin: _Origin, status: MigrationStatus, registered_on: date, arrival_year: int | None
    ) -> tuple[IdDocumentType, str, date | None]:
        rng = self.rng
        roll = rng.random()
        reg = registered_on
        if status in (_S.MOROCCAN, _S.RETURNEE):
            if roll < 0.94:
                return (
                    IdDocumentType.CNIE,
                    f"{_CNIE_PREFIXES(rng)}{self.digits(6)}",
                    reg + timedelta(days=rng.span(-200, 3650)) if rng.random() < 0.9 else None,
                )
            return IdDocumentType.NONE, "", None
        unhcr_year = min(reg.year, max(arrival_year or reg.year, reg.year - 4))
        unhcr = f"UNHCR472{unhcr_year % 100:02d}C{self.digits(5)}"
        passport = f"{rng.pick(_LETTERS)}{self.digits(8)}"
        if origin.country in ("CI", "CM", "CD", "SY"):
            passport = f"{rng.pick(_LETTERS)}{rng.pick(_LETTERS)}{self.digits(7)}"
        permit = f"E{self.digits(7)}{rng.pick(_LETTERS)}"
        if status is _S.REGULAR_MIGRANT:
            if roll < 0.72:
                return (
                    IdDocumentType.RESIDENCE_PERMIT,
                    permit,
                    reg + timedelta(days=rng.span(-120, 3 * 365)),
                )
            return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-400, 5 * 365))
        if status is _S.ASYLUM_SEEKER:
            if roll < 0.8:
                return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-60, 365))
            return IdDocumentType.NONE, "", None
        if status is _S.REFUGEE_UNHCR:
            if roll < 0.92:
                return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-90, 3 * 365))
            return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-900, 3 * 365))
        if status is _S.REFUGEE_MOROCCO:
            if roll < 0.7:
                return (
                    IdDocumentType.RESIDENCE_PERMIT,
                    permit,
                    reg + timedelta(days=rng.span(-60, 3 * 365)),
                )
            return IdDocumentType.UNHCR_CARD, unhcr, reg + timedelta(days=rng.span(-60, 2 * 365))
        if status is _S.IRREGULAR:
            if roll < 0.3:  # often an expired passport
                return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-1500, 2 * 365))
            return IdDocumentType.NONE, "", None
        if roll < 0.6:
            return IdDocumentType.PASSPORT, passport, reg + timedelta(days=rng.span(-300, 5 * 365))
        return IdDocumentType.NONE, "", None

    def languages(self, origin: _Origin, education: EducationLevel) -> list[LanguageEntry]:
        rng = self.rng
        native = origin.native(rng)
        entries = [LanguageEntry(native, _L.NATIVE)]
        if origin.country == "MA" and native != "ary":
            entries.append(LanguageEntry("ary", _L.NATIVE))  # Riffian and Amazigh speakers also speak Darija
        seen = {entry.language for entry in entries}
        schooling = _EDUCATION_RANK[education]  # 0 (none) .. 6 (higher)
        for code, probability, low, high in origin.extra:
            if code in seen or rng.random() >= probability:
                continue
            # more schooling, better level in the languages learnt at school
            top = max(low, min(high, low + (high - low) * schooling // 5 + rng.between(-1, 1)))
            entries.append(LanguageEntry(code, _LEVELS[rng.between(low, top)]))
            seen.add(code)
        return entries

    def diplomas(self, origin: _Origin, education: EducationLevel, sector: _Sector, certified: bool) -> list[str]:
        rng = self.rng
        zone, country = origin.zone, origin.country
        titles: list[str] = []
        if education is _E.LOWER_SECONDARY and rng.random() < 0.5:
            pool = _LOWER_SECONDARY.get(country, _LOWER_SECONDARY[zone])
            titles.append(rng.pick(pool))
        elif education in (_E.UPPER_SECONDARY, _E.HIGHER) and rng.random() < 0.75:
            pool = _UPPER_SECONDARY.get(country, _UPPER_SECONDARY[zone])
            titles.append(rng.pick(pool))
        if education is _E.VOCATIONAL or certified:
            pool = sector.diplomas[zone]
            titles.append(rng.pick(pool))
        if education is _E.HIGHER:
            pool = _HIGHER.get(country, _HIGHER[zone])
            titles.append(rng.pick(pool))
        if rng.random() < 0.06:
            titles.append(rng.pick(_SHORT_TRAININGS))
        return titles

    def work(
        self,
        origin: _Origin,
        status: MigrationStatus,
        female: bool,
        birth_year: int,
        reg_year: int,
        arrival_year: int | None,
        currently_working: bool,
    ) -> tuple[_Sector, list[ExperienceEntry], dict[SkillSector, int]]:
        """Main trade, past jobs (latest first) and years of practice per sector."""
        rng = self.rng
        pick = _SECTOR_FOR_WOMEN if female else _SECTOR_FOR_MEN
        main = pick(rng)
        years: dict[SkillSector, int] = {}
        experiences: list[ExperienceEntry] = []
        count = _EXPERIENCE_COUNT(rng)
        cursor = reg_year
        earliest = birth_year + 15
        # the year the person came (back) to Morocco; guessed when it was not recorded
        moved = arrival_year
        if (moved is None and origin.country != "MA") or status is _S.RETURNEE:
            moved = arrival_year or reg_year - 2
        for index in range(count):
            end = cursor - (0 if index == 0 else rng.between(0, 2))
            start = end - rng.pick((0, 0, 1, 1, 2, 3, 4, 6))
            if start < earliest:
                break
            sector = main if rng.random() < 0.7 else pick(rng)
            if moved is None or start >= moved:
                country = "MA"
            elif status is _S.RETURNEE:
                country = _RETURN_COUNTRIES(rng)
            elif start >= moved - 2 and origin.country not in ("SY", "YE") and rng.random() < 0.3:
                country = _TRANSIT_COUNTRIES(rng)
            else:
                country = origin.country
            job = rng.pick(sector.jobs)
            if "|" in job:
                masculine, feminine = job.split("|")
                job = feminine if female else masculine
            if country == "MA" and rng.random() < 0.6:
                employer = rng.pick(sector.employers_morocco)
            elif rng.random() < 0.85:
                employer = rng.pick(sector.employers)
            else:
                employer = ""
            ongoing = index == 0 and currently_working and country == "MA"
            experiences.append(ExperienceEntry(job, employer, country, start, None if ongoing else end))
            years[sector.sector] = years.get(sector.sector, 0) + end - start + 1
            cursor = start - 1
        return main, experiences, years

    def skills(
        self, main: _Sector, female: bool, years: dict[SkillSector, int], age: int, certified: bool
    ) -> list[SkillEntry]:
        rng = self.rng
        count = _SKILL_COUNT(rng)
        entries: list[SkillEntry] = []
        names: set[str] = set()
        pick = _SECTOR_FOR_WOMEN if female else _SECTOR_FOR_MEN
        for index in range(count):
            sector = main if index == 0 or rng.random() < 0.6 else pick(rng)
            name = rng.pick(sector.skills)
            if name in names:
                continue
            names.add(name)
            practice = years.get(sector.sector)
            if practice is None:
                practice = rng.pick((0, 0, 1, 1, 2, 3))
            practice = min(practice, max(0, age - 15))
            if practice == 0:
                level = SkillLevel.BEGINNER
            elif practice <= 2:
                level = SkillLevel.INTERMEDIATE if rng.random() < 0.8 else SkillLevel.BEGINNER
            elif practice <= 6:
                level = SkillLevel.EXPERIENCED if rng.random() < 0.75 else SkillLevel.INTERMEDIATE
            else:
                level = SkillLevel.EXPERT if rng.random() < 0.6 else SkillLevel.EXPERIENCED
            entries.append(
                SkillEntry(
                    name,
                    sector.sector,
                    level,
                    practice if rng.random() < 0.85 else None,
                    (certified and index == 0) or rng.random() < 0.08,
                )
            )
        return entries

    def email(self, first: str, last: str, birth_year: int) -> str:
        key = (first, last)
        slug = self.emails.get(key)
        if slug is None:
            slug = f"{_ascii_slug(first)}.{_ascii_slug(last)}"
            self.emails[key] = slug
        rng = self.rng
        style = rng.random()
        if style < 0.4:
            local = f"{slug}{rng.between(1, 99)}"
        elif style < 0.7:
            local = slug.replace(".", "")
        else:
            local = f"{slug.split('.', 1)[0]}{birth_year}"
        return f"{local}@{_EMAIL_DOMAINS(rng)}"

    def person(self, registered_on: date, at: datetime, code: str, person_id: str, rows: _Rows) -> None:
        rng = self.rng
        who = self.identity(registered_on)
        origin = who.origin
        country = origin.country
        moroccan = country == "MA"
        reg_year = registered_on.year
        status = who.status or origin.status(rng)
        birth_year = who.birth_date.year if who.birth_date is not None else who.birth_year or reg_year - 25
        age = reg_year - birth_year
        sex = Sex.FEMALE if who.female else Sex.MALE
        first = who.first[0][who.first_variant]
        last = who.last[0][who.last_variant]
        counsellor = (self.counsellor_arabic if moroccan or origin.arabic_script else self.counsellor_african)(rng)

        if rng.random() >= 0.92:
            # Declined case follow-up: only the minimal record is kept, as BeneficiaryService does.
            minimal = BeneficiaryDraft(
                first_name=first,
                last_name=last,
                arabic_name=who.arabic_name,
                sex=sex,
                birth_date=who.birth_date,
                birth_year=who.birth_year,
                nationality=country,
                migration_status=status,
                registered_on=registered_on,
                counsellor_id=counsellor,
            ).minimal_record()
            self.rows(minimal, code, person_id, at, rows)
            return
        purposes = {ConsentPurpose.FOLLOW_UP}
        if rng.random() < 0.85:
            purposes.add(ConsentPurpose.PARTNER_SHARING)
        if rng.random() < 0.9:
            purposes.add(ConsentPurpose.CONTACT)
        if rng.random() < 0.3:
            purposes.add(ConsentPurpose.PHOTOS)
        consent = Consent(registered_on, purposes)

        arrival_year: int | None = None
        if status is _S.RETURNEE:
            arrival_year = reg_year - rng.between(0, 3)
        elif not moroccan:
            back = rng.pick((0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8))
            if country in ("SY", "YE"):
                back += rng.between(2, 6)
            arrival_year = max(birth_year + 14, reg_year - back)
            if arrival_year > reg_year:
                arrival_year = reg_year
        if arrival_year is not None and rng.random() < 0.05:
            arrival_year = None  # not asked or not remembered

        doc_type, doc_number, doc_expiry = self.document(origin, status, registered_on, arrival_year)

        education = _EDUCATION[origin.zone](rng)
        if age < 18 and education is _E.HIGHER:
            education = _E.UPPER_SECONDARY
        occupation = _OCCUPATION(rng)
        if occupation is Occupation.STUDENT and age > 26:
            occupation = Occupation.UNEMPLOYED
        if not moroccan and status in (_S.IRREGULAR, _S.ASYLUM_SEEKER) and occupation is Occupation.EMPLOYED:
            occupation = Occupation.INFORMAL
        main, experiences, practice = self.work(
            origin,
            status,
            who.female,
            birth_year,
            reg_year,
            arrival_year,
            occupation in (Occupation.EMPLOYED, Occupation.INFORMAL, Occupation.SELF_EMPLOYED),
        )
        certified = education is _E.VOCATIONAL or rng.random() < 0.1
        skills = self.skills(main, who.female, practice, age, certified)
        diplomas = self.diplomas(origin, education, main, certified and education is not _E.VOCATIONAL)

        phones: list[PhoneEntry] = []
        if rng.random() < 0.96:
            phones.append(PhoneEntry(who.phone or self.moroccan_mobile(), rng.random() < 0.8))
            if rng.random() < 0.12:
                phones.append(PhoneEntry(self.moroccan_mobile(), rng.random() < 0.3))
        elif who.phone:
            phones.append(PhoneEntry(who.phone, True))
        if not moroccan and rng.random() < 0.1:
            phones.append(PhoneEntry(self.home_mobile(origin), rng.random() < 0.7))

        if moroccan:
            household = rng.pick((1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8))
        else:
            household = rng.pick((1, 1, 1, 1, 2, 2, 3, 3, 4, 5))
        if age < 24:
            dependents = 0 if rng.random() < 0.85 else min(1, household - 1)
        else:
            dependents = min(household - 1, rng.pick((0, 0, 0, 1, 1, 2, 3)))
        heard_from = _HEARD_FROM(rng)
        referring = ""
        if heard_from is HeardFrom.PARTNER:
            referring = (_PARTNERS_MA if moroccan else _PARTNERS_MIGRANTS)(rng)
        disabled = rng.random() < 0.03
        email = ""
        if rng.random() < (0.45 if moroccan else 0.3):
            email = self.email(first, last, birth_year)
        known = rng.random() < 0.92
        draft = BeneficiaryDraft(
            first_name=first,
            last_name=last,
            arabic_name=who.arabic_name,
            sex=sex,
            birth_date=who.birth_date,
            birth_year=who.birth_year,
            nationality=country,
            migration_status=status,
            arrival_year=arrival_year,
            id_document_type=doc_type,
            id_document_number=doc_number,
            id_document_expiry=doc_expiry,
            phones=phones,
            email=email,
            neighbourhood=(_NEIGHBOURHOODS_MA if moroccan else _NEIGHBOURHOODS_MIGRANTS)(rng) if known else "",
            city=_CITIES(rng),
            languages=self.languages(origin, education),
            education_level=education,
            diplomas=diplomas,
            skills=skills,
            experiences=experiences,
            occupation=occupation,
            has_disability=disabled,
            disability_note=rng.pick(_DISABILITY_NOTES) if disabled else "",
            household_size=household if known else None,
            dependents=dependents if known else None,
            registered_on=registered_on,
            heard_from=heard_from,
            referring_organisation=referring,
            counsellor_id=counsellor,
            consent=consent,
        )
        if phones or who.birth_date is not None:
            self.identities.append(
                _Identity(
                    origin,
                    who.female,
                    who.first,
                    who.last,
                    who.first_variant,
                    who.last_variant,
                    who.birth_date,
                    who.birth_year,
                    phones[0].number if phones else None,
                    who.arabic_name,
                    status,
                )
            )
        self.rows(draft, code, person_id, at, rows)

    def rows(self, draft: BeneficiaryDraft, code: str, person_id: str, at: datetime, rows: _Rows) -> None:
        """The table rows of one person, as ``apply_draft`` and ``reindex`` would write them."""
        rng = self.rng
        day = self.day
        flag = self.flag
        user_id = draft.counsellor_id
        moment = self.moment(at)
        stamp = {
            "created_at": moment,
            "updated_at": moment,
            "created_by": user_id,
            "updated_by": user_id,
            "deleted_at": None,
            "beneficiary_id": person_id,
        }
        consent = draft.consent
        sex, status, education = draft.sex, draft.migration_status, draft.education_level
        occupation, heard_from = draft.occupation, draft.heard_from
        rows.beneficiaries.append(
            {
                "id": person_id,
                "created_at": moment,
                "updated_at": moment,
                "created_by": user_id,
                "updated_by": user_id,
                "deleted_at": None,
                "code": code,
                "site": DEMO_SITE,
                "first_name": draft.first_name,
                "last_name": draft.last_name,
                "arabic_name": draft.arabic_name,
                "sort_name": self.sort_name(draft.first_name, draft.last_name),
                "sex": sex.value if sex is not None else None,
                "birth_date": day(draft.birth_date),
                "birth_year": draft.birth_year,
                "nationality": draft.nationality,
                "migration_status": status.value if status is not None else None,
                "arrival_year": draft.arrival_year,
                "id_document_type": draft.id_document_type.value,
                "id_document_number": draft.id_document_number,
                "id_document_expiry": day(draft.id_document_expiry),
                "email": draft.email,
                "neighbourhood": draft.neighbourhood,
                "city": draft.city,
                "education_level": education.value if education is not None else None,
                "occupation": occupation.value if occupation is not None else None,
                "has_disability": flag(draft.has_disability),
                "disability_note": draft.disability_note,
                "household_size": draft.household_size,
                "dependents": draft.dependents,
                "registered_on": day(draft.registered_on),
                "heard_from": heard_from.value if heard_from is not None else None,
                "referring_organisation": draft.referring_organisation,
                "counsellor_id": user_id,
                "consent_given_on": day(consent.given_on),
                "consent_purposes": " ".join(sorted(p.value for p in consent.purposes)),
                "consent_withdrawn_on": day(consent.withdrawn_on),
                "merged_into_id": None,
            }
        )
        for position, phone in enumerate(draft.phones):
            rows.phones.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "number": phone.number,
                    "whatsapp": flag(phone.whatsapp),
                }
            )
        for position, language in enumerate(draft.languages):
            rows.languages.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "language": language.language,
                    "level": language.level.value,
                }
            )
        for position, title in enumerate(draft.diplomas):
            rows.diplomas.append({"id": _uuid(rng), **stamp, "position": position, "title": title})
        for position, skill in enumerate(draft.skills):
            rows.skills.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "name": skill.name,
                    "sector": skill.sector.value,
                    "level": skill.level.value,
                    "years": skill.years,
                    "certified": flag(skill.certified),
                }
            )
        for position, experience in enumerate(draft.experiences):
            rows.experiences.append(
                {
                    "id": _uuid(rng),
                    **stamp,
                    "position": position,
                    "job": experience.job,
                    "employer": experience.employer,
                    "country": experience.country,
                    "start_year": experience.start_year,
                    "end_year": experience.end_year,
                }
            )
        rows.search_keys.extend([(key, person_id) for key in self.keys.search(code, draft)])
        rows.match_keys.extend([(key, person_id) for key in self.keys.match(draft)])
        rows.events.append(
            {
                "id": _uuid(rng),
                "at": moment,
                "user_id": user_id,
                "username": self.usernames.get(user_id or "", "system"),
                "action": AuditAction.CREATE.value,
                "entity": "beneficiary",
                "entity_id": person_id,
                "beneficiary_id": person_id,
                "summary": f"registered {code}",
                "diff": "{}",
            }
        )


def _moroccan_mobile_keys(e164: str) -> list[str]:
    """``phones.phone_search_keys`` of a Moroccan mobile "+2126XXXXXXXX", without parsing it.

    Parsing costs more than the rest of a person; the tests check the stored keys against search_keys_for.
    """
    national = e164[4:]
    return [e164[1:], national, f"0{national}"]


class _Keys:
    """``mapping.search_keys_for`` and ``mapping.match_keys_for`` of a person, remembered per name.

    Name keys are most of the work and the same names come back thousands of times. Search keys are
    a union over the fields (each name, the code, each phone, the document), so those of each name
    come from ``search_keys_for`` on a draft holding only that name, once per spelling, and the
    others from ``search_keys_for`` on a draft without the names (Moroccan mobiles, which are most
    phones, skip the phone number parser: see _moroccan_mobile_keys). Duplicate keys pair the
    names, so they are remembered per (first, last, Arabic) spelling. The tests check every person's
    stored keys against ``search_keys_for`` and ``match_keys_for`` of the whole record.
    """

    def __init__(self) -> None:
        self.words: dict[str, frozenset[str]] = {}
        self.pairs: dict[tuple[str, str, str], frozenset[str]] = {}

    def _of_name(self, name: str) -> frozenset[str]:
        keys = self.words.get(name)
        if keys is None:
            keys = frozenset(mapping.search_keys_for("", BeneficiaryDraft(first_name=name)))
            self.words[name] = keys
        return keys

    def search(self, code: str, draft: BeneficiaryDraft) -> set[str]:
        keys = set(self._of_name(draft.first_name))
        keys |= self._of_name(draft.last_name)
        if draft.arabic_name:
            keys |= self._of_name(draft.arabic_name)
        phones = draft.phones
        rest = BeneficiaryDraft(
            city="",
            phones=[phone for phone in phones if not phone.number.startswith("+212")],
            id_document_number=draft.id_document_number,
        )
        keys |= mapping.search_keys_for(code, rest)
        for phone in phones:
            if phone.number.startswith("+212"):
                keys.update(_moroccan_mobile_keys(phone.number))
        return keys

    def match(self, draft: BeneficiaryDraft) -> frozenset[str]:
        spelling = (draft.first_name, draft.last_name, draft.arabic_name)
        keys = self.pairs.get(spelling)
        if keys is None:
            keys = frozenset(
                mapping.match_keys_for(
                    BeneficiaryDraft(
                        first_name=draft.first_name, last_name=draft.last_name, arabic_name=draft.arabic_name
                    )
                )
            )
            self.pairs[spelling] = keys
        return keys


_EXPERIENCE_COUNT = _Pick([(0, 33), (1, 35), (2, 22), (3, 10)])
_SKILL_COUNT = _Pick([(0, 12), (1, 43), (2, 32), (3, 13)])


def _registrations(rng: _Random, size: int, today: date) -> list[tuple[date, datetime]]:
    """Registration days and times, oldest first: working days of the last three years, busier lately."""
    start = today - timedelta(days=_YEARS * 365 - 1)
    span = (today - start).days or 1
    weights: list[tuple[date, float]] = []
    for offset in range(span + 1):
        day = start + timedelta(days=offset)
        if day.weekday() >= 5 or (day.month, day.day) in _HOLIDAYS:
            continue
        growth = 1.0 + 0.8 * offset / span  # the centre gets better known
        season = 0.5 if day.month == 8 else 1.0  # summer holidays
        weights.append((day, growth * season))
    if not weights:  # cannot happen over three years, but never divide by nothing
        weights = [(today, 1.0)]
    pick_day = _Pick(weights)
    moments = sorted((pick_day(rng), _HOURS(rng), rng.below(60), rng.below(60)) for _ in range(size))
    return [
        (day, datetime.combine(day, clock(hour, minute, second), tzinfo=_LOCAL).astimezone(UTC))
        for day, hour, minute, second in moments
    ]


def _is_empty(session: Session) -> bool:
    users = session.scalar(select(func.count()).select_from(User)) or 0
    people = session.scalar(select(func.count()).select_from(Beneficiary)) or 0
    return users == 0 and people == 0


def generate_demo(
    database: Database,
    size: int = 1500,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty, freshly migrated database with ``size`` invented people and the demo accounts.

    Everything is derived from ``seed`` and ``today``: the same pair gives the same database (but
    for the password salts). All is written in one transaction: on any error nothing is kept.
    ``progress(done, total)`` is called from the calling thread after each batch of people.
    Raises HubdeskError when the database already holds accounts or people.
    """
    if size < 0:
        raise ValueError("size must not be negative")
    began = time.perf_counter()
    today = today or date.today()
    rng = _Random(seed)
    plan = _registrations(rng, size, today)

    with database.unit_of_work() as uow:
        session = uow.session
        if not _is_empty(session):
            raise HubdeskError("Demo data can only be generated in an empty database.")
        opened = datetime.combine(today - timedelta(days=_YEARS * 365 + 30), clock(8, 30), tzinfo=UTC)
        password_hash = hash_password(DEMO_PASSWORD)  # slow on purpose: hashed once for every account
        users: list[tuple[str, str, Role]] = []
        user_rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        admin_id: str | None = None
        for username, full_name, role in DEMO_ACCOUNTS:
            user_id = _uuid(rng)
            users.append((user_id, username, role))
            created = opened + timedelta(minutes=5 * len(user_rows))
            user_rows.append(
                {
                    "id": user_id,
                    "created_at": created,
                    "updated_at": created,
                    "created_by": admin_id,
                    "updated_by": admin_id,
                    "deleted_at": None,
                    "username": username,
                    "full_name": full_name,
                    "role": role.value,
                    "password_hash": password_hash,
                    "active": True,
                    "language": "fr",
                    "last_login_at": None,
                }
            )
            events.append(
                {
                    "id": _uuid(rng),
                    "at": created,
                    "user_id": admin_id,
                    "username": "admin" if admin_id else "system",
                    "action": AuditAction.CREATE.value,
                    "entity": "user_account",
                    "entity_id": user_id,
                    "beneficiary_id": None,
                    "summary": f"account {username} ({role.value})",
                    "diff": json.dumps({"role": role.value, "username": username}, sort_keys=True),
                }
            )
            admin_id = admin_id or user_id
        session.execute(insert(_table(User)), user_rows)
        session.execute(insert(_table(AuditEvent)), events)

        write_setting(session, SITE_CODE, DEMO_SITE)
        write_setting(session, ORGANISATION, DEMO_ORGANISATION)
        write_setting(session, DEMO, "1")
        write_setting(
            session,
            DEMO_ACCOUNTS_KEY,
            json.dumps([[u, n, r.value] for u, n, r in DEMO_ACCOUNTS], ensure_ascii=False),
        )
        session.flush()

        connection = session.connection()
        generator = _Generator(rng, users, _Values(connection.dialect))
        bulks = {model: _Bulk(connection, model) for model in _BULK_TABLES}
        counters: dict[int, int] = {}
        # Random ids handed out in ascending order: the indexes on beneficiary_id (the person's and
        # every child table's) then grow at their end instead of everywhere.
        person_ids = sorted(_uuid(rng) for _ in range(size))
        if progress is not None:
            progress(0, size)
        # SQLite does its B-tree work without holding the GIL: one thread inserts a chunk while this
        # one invents the next, which uses both cores of a small machine.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hubdesk-demo") as writer:
            pending: Future[None] | None = None
            for start in range(0, size, _CHUNK):
                rows = _Rows()
                for index in range(start, min(start + _CHUNK, size)):
                    registered_on, at = plan[index]
                    year = registered_on.year
                    number = counters.get(year, 0) + 1
                    counters[year] = number
                    code = format_code(DEMO_SITE, year, number)
                    generator.person(registered_on, at, code, person_ids[index], rows)
                if pending is not None:
                    pending.result()
                    if progress is not None:
                        progress(start, size)
                pending = writer.submit(_write, connection, rows, bulks)
            if pending is not None:
                pending.result()
        if progress is not None and size:
            progress(size, size)
        if counters:
            session.execute(
                insert(_table(CodeCounter)),
                [
                    {"site": DEMO_SITE, "year": year, "kind": "beneficiary", "last_value": last}
                    for year, last in sorted(counters.items())
                ],
            )
        uow.commit()
    return DemoSummary(beneficiaries=size, users=len(DEMO_ACCOUNTS), seconds=time.perf_counter() - began)


def demo_accounts(database: Database) -> list[tuple[str, str, str]]:
    """(user name, full name, role) of the demo accounts; [] when the database is not a demo."""
    with database.unit_of_work() as uow:
        raw = read_setting(uow.session, DEMO_ACCOUNTS_KEY)
    if not raw:
        return []
    try:
        entries = json.loads(raw)
    except ValueError:
        return []
    accounts: list[tuple[str, str, str]] = []
    if not isinstance(entries, list):
        return []
    for entry in entries:
        if isinstance(entry, list) and len(entry) == 3 and all(isinstance(part, str) for part in entry):
            accounts.append((entry[0], entry[1], entry[2]))
    return accounts
