"""Names of the demo people, by origin (Latin spellings and Arabic forms), and how a name gets mistyped."""

from __future__ import annotations

import unicodedata

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
