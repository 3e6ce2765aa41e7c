// LanguageDetector: sentences of every language it names, undetermined input, and its
// accuracy on ../shared's MLQA paragraphs (skipped when absent).
#include <catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "clean/language_detector.hpp"

using corpusc::LanguageDetector;

TEST_CASE("LanguageDetector names the language of short real sentences") {
  struct Case { const char* code; const char* text; };
  const Case cases[] = {
      {"en", "The minister said on Tuesday that the talks with the union were not over."},
      {"de", "Die Verhandlungen mit der Gewerkschaft sind nicht beendet, sagte der Minister am Dienstag."},
      {"fr", "Le ministre a déclaré mardi que les négociations avec le syndicat ne sont pas terminées."},
      {"es", "El ministro dijo el martes que las negociaciones con el sindicato no han terminado."},
      {"it", "Il ministro ha detto martedì che le trattative con il sindacato non sono finite."},
      {"pt", "O ministro disse na terça-feira que as negociações com o sindicato não terminaram."},
      {"nl", "De minister zei dinsdag dat de onderhandelingen met de vakbond nog niet zijn afgerond."},
      {"sv", "Ministern sade på tisdagen att förhandlingarna med facket inte är avslutade."},
      {"da", "Ministeren sagde tirsdag, at forhandlingerne med fagforeningen ikke er afsluttet, og hvad der blev sagt."},
      {"no", "Ministeren sa tirsdag at forhandlingene med fagforeningen ikke er avsluttet, og hva som ble sagt."},
      {"fi", "Ministeri sanoi tiistaina, että neuvottelut ammattiliiton kanssa eivät ole vielä päättyneet ja se on selvää."},
      {"hu", "A miniszter kedden azt mondta, hogy a tárgyalások a szakszervezettel még nem értek véget."},
      {"tr", "Bakan salı günü sendika ile müzakerelerin henüz bitmediğini ve bunun için çok çalıştıklarını söyledi."},
      {"ro", "Ministrul a spus marți că negocierile cu sindicatul nu s-au încheiat și că mai este timp."},
      {"ca", "El ministre va dir dimarts que les negociacions amb el sindicat no han acabat i que és aviat."},
      {"id", "Menteri mengatakan pada hari Selasa bahwa perundingan dengan serikat pekerja belum selesai dan akan dilanjutkan."},
      {"vi", "Bộ trưởng cho biết vào thứ Ba rằng các cuộc đàm phán với công đoàn vẫn chưa kết thúc."},
      {"ru", "Министр сказал во вторник, что переговоры с профсоюзом ещё не закончены и это не конец."},
      {"sr", "Министар је у уторак рекао да преговори са синдикатом још нису завршени и да ће се наставити."},
      {"el", "Ο υπουργός δήλωσε την Τρίτη ότι οι διαπραγματεύσεις με το συνδικάτο δεν έχουν τελειώσει."},
      {"ar", "قال الوزير يوم الثلاثاء إن المفاوضات مع النقابة لم تنته بعد."},
      {"hi", "मंत्री ने मंगलवार को कहा कि संघ के साथ बातचीत अभी खत्म नहीं हुई है और यह जारी रहेगी।"},
      {"hy", "Նախարարը երեքշաբթի օրը հայտարարեց, որ արհմիության հետ բանակցությունները դեռ չեն ավարտվել։"},
      {"zh", "部长周二表示，与工会的谈判尚未结束，双方将继续会谈。"},
      {"ja", "大臣は火曜日、労働組合との交渉はまだ終わっていないと述べました。"},
      {"ko", "장관은 화요일 노조와의 협상이 아직 끝나지 않았다고 말했다."},
      {"th", "รัฐมนตรีกล่าวเมื่อวันอังคารว่าการเจรจากับสหภาพแรงงานยังไม่สิ้นสุด"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(LanguageDetector::detect(c.text).code == c.code);
  }
}

TEST_CASE("LanguageDetector says undetermined rather than guess") {
  CHECK(LanguageDetector::detect("").code.empty());
  CHECK(LanguageDetector::detect("12345 67890 !!! ???").code.empty());
  CHECK(LanguageDetector::detect("Xqzt").code.empty());                // too few letters
  CHECK(LanguageDetector::detect("Zxcvb Qwrtp Mnbvc Lkjhg").code.empty());  // no frequent word
  CHECK(LanguageDetector::detect(std::string("\xff\xfe\x80 the", 7)).code.empty());
  std::string huge(1 << 20, 'a');  // bounded cost: only kMaxBytes are read
  CHECK(LanguageDetector::detect(huge).code.empty());
}

TEST_CASE("LanguageDetector on MLQA paragraphs: at least 97% right in every language") {
  namespace fs = std::filesystem;
  const fs::path mlqa = fs::path(CORPUS_SHARED_DIR) / "corpora" / "mlqa-r";
  if (!fs::is_directory(mlqa)) {
    WARN("skipped: " << mlqa.string() << " is absent");
    return;
  }
  for (const char* lang : {"en", "ar", "de", "es", "hi", "vi", "zh"}) {
    std::ifstream in(mlqa / lang / "corpus.jsonl");
    std::string line;
    size_t total = 0, right = 0;
    while (std::getline(in, line)) {
      const auto doc = nlohmann::json::parse(line);
      ++total;
      right += LanguageDetector::detect(doc.at("text").get<std::string>()).code == lang;
    }
    INFO(lang << ": " << right << " / " << total);
    REQUIRE(total > 0);
    CHECK(right * 100 >= total * 97);
  }
}
