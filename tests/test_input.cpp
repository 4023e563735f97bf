#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/input.h"
#include "tests/test_support.h"

namespace fs = std::filesystem;
using newsgraph::Document;
using newsgraph::DocumentReader;

namespace {

// A fresh directory under the system temp dir, removed when the test ends.
class TempDir {
 public:
  explicit TempDir(const std::string& name) {
    path_ = fs::temp_directory_path() / ("newsgraph_test_input_" + name + "_" +
                                         std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string write(const std::string& rel, const std::string& content) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
  }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::size_t problems = 0;
  std::size_t bytes = 0;
  std::size_t read = 0;
};

ReadResult read_all(std::vector<std::string> paths) {
  ReadResult r;
  DocumentReader reader(std::move(paths), [&](const std::string& m) { r.errors.push_back(m); });
  while (auto doc = reader.next()) r.docs.push_back(std::move(*doc));
  r.problems = reader.problems();
  r.bytes = reader.bytes_read();
  r.read = reader.documents_read();
  return r;
}

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const Document& d : r.docs) out.push_back(d.id);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("input: a plain text file is one document named after the file") {
  TempDir dir("txt");
  std::string text = "Talks were held.\nThey ended.\n";
  std::string path = dir.write("article-7.txt", text);
  ReadResult r = read_all({path});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].id == "article-7");
  CHECK(r.docs[0].text == text);
  CHECK(r.docs[0].source == path);
  CHECK(r.errors.empty());
  CHECK(r.read == 1);
  CHECK(r.problems == 0);
  CHECK(r.bytes == text.size());
}

TEST_CASE("input: JSON Lines with all fields, missing optional fields and a missing id") {
  TempDir dir("jsonl");
  std::string path = dir.write("a.jsonl",
                               "{\"id\":\"d1\",\"date\":\"2024-04-08\",\"title\":\"T\",\"text\":"
                               "\"One.\",\"source\":\"Wire\"}\n"
                               "\n"
                               "{\"text\":\"Two.\"}\r\n"
                               "{\"id\":17,\"text\":\"Three \\u00e9.\",\"extra\":[1,2]}\n");
  ReadResult r = read_all({path});
  CHECK(r.errors.empty());
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].id == "d1");
  CHECK(r.docs[0].date == "2024-04-08");
  CHECK(r.docs[0].title == "T");
  CHECK(r.docs[0].text == "One.");
  CHECK(r.docs[0].source == "Wire");
  CHECK(r.docs[1].id == path + ":3");
  CHECK(r.docs[1].text == "Two.");
  CHECK(r.docs[1].date.empty());
  CHECK(r.docs[2].id == "17");
  CHECK(r.docs[2].text == "Three \xC3\xA9.");
}

TEST_CASE("input: malformed JSON lines are reported with file:line and reading goes on") {
  TempDir dir("bad");
  std::string path = dir.write("bad.jsonl",
                               "{\"id\":\"ok1\",\"text\":\"Fine.\"}\n"
                               "{\"id\":\"broken\",\"text\":\"no end\n"
                               "not json at all\n"
                               "{\"id\":\"ok2\",\"text\":\"Also fine.\"}\n"
                               "{\"id\":\"t\",\"text\":42}\n"
                               "{\"id\":\"d\",\"text\":\"Kept.\",\"date\":20240408}\n"
                               "{\"id\":\"n\"}\n"
                               "[1,2]\n"
                               "{\"id\":\"trail\",\"text\":\"x\"} junk\n");
  ReadResult r = read_all({path});
  CHECK(ids(r) == Strings{"ok1", "ok2", "d"});
  REQUIRE(r.errors.size() == 7);
  CHECK(r.errors[0].rfind(path + ":2: invalid JSON at column ", 0) == 0);
  CHECK(r.errors[1] == path + ":3: invalid JSON at column 2: Invalid value.");
  CHECK(r.errors[2].rfind(path + ":5: ", 0) == 0);
  CHECK(r.errors[2].find("\"text\"") != std::string::npos);
  CHECK(r.errors[3].rfind(path + ":6: ", 0) == 0);
  CHECK(r.errors[3].find("\"date\"") != std::string::npos);
  CHECK(r.errors[4].rfind(path + ":7: ", 0) == 0);
  CHECK(r.errors[4].find("\"text\"") != std::string::npos);
  CHECK(r.errors[5].rfind(path + ":8: ", 0) == 0);
  CHECK(r.errors[6] == path +
                           ":9: invalid JSON at column 27: The document root must not be "
                           "followed by other values.");
  CHECK(r.problems == r.errors.size());
  CHECK(r.read == 3);
}

TEST_CASE("input: duplicate ids are reported and the later document skipped") {
  TempDir dir("dup");
  std::string a = dir.write("a.jsonl",
                            "{\"id\":\"x\",\"text\":\"First.\"}\n"
                            "{\"id\":\"x\",\"text\":\"Second.\"}\n");
  std::string b = dir.write("x.txt", "Third.");
  ReadResult r = read_all({a, b});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "First.");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0] == a + ":2: duplicate document id 'x' (first seen in " + a + ":1); skipped");
  CHECK(r.errors[1] == b + ": duplicate document id 'x' (first seen in " + a + ":1); skipped");
}

TEST_CASE("input: empty, binary and missing files are reported and skipped") {
  TempDir dir("empty");
  std::string empty = dir.write("empty.txt", "");
  std::string blank = dir.write("blank.txt", " \n\t\n");
  std::string binary = dir.write("image.txt", std::string("GIF89a\0\0\x01\x02", 10));
  std::string utf16 = dir.write("wide.txt", std::string("\xFF\xFEH\0i\0", 6));
  std::string good = dir.write("good.txt", "Good.");
  std::string missing = dir.str() + "/nope.txt";
  ReadResult r = read_all({empty, blank, binary, missing, utf16, good});
  CHECK(ids(r) == Strings{"good"});
  REQUIRE(r.errors.size() == 5);
  CHECK(r.errors[0] == empty + ": empty document; skipped");
  CHECK(r.errors[1] == blank + ": empty document; skipped");
  CHECK(r.errors[2].rfind(binary + ": binary file", 0) == 0);
  CHECK(r.errors[3] == missing + ": no such file or directory");
  CHECK(r.errors[4].rfind(utf16 + ": UTF-16", 0) == 0);
  CHECK(r.problems == 5);
}

TEST_CASE("input: directories are read recursively in sorted order") {
  TempDir dir("tree");
  dir.write("b/zeta.txt", "Zeta.");
  dir.write("a/alpha.txt", "Alpha.");
  dir.write("a/deeper/beta.txt", "Beta.");
  dir.write("a/notes.md", "Not read.");
  ReadResult r = read_all({dir.str()});
  CHECK(r.errors.empty());
  CHECK(ids(r) == Strings{"alpha", "beta", "zeta"});
}

TEST_CASE("input: JSON Lines files in a directory are not taken for articles") {
  // A directory of articles may keep gold.jsonl and aliases.jsonl beside them (samples/).
  TempDir dir("tree_jsonl");
  dir.write("a.txt", "Alpha.");
  dir.write("gold.jsonl", "{\"doc\":\"a\",\"relation\":\"met_with\"}\n");
  std::string feed = dir.write("feed.jsonl", "{\"id\":\"j1\",\"text\":\"From JSONL.\"}\n");
  ReadResult r = read_all({dir.str()});
  CHECK(r.errors.empty());
  CHECK(ids(r) == Strings{"a"});
  ReadResult named = read_all({feed});
  CHECK(ids(named) == Strings{"j1"});
}

TEST_CASE("input: a .json file may hold an array of documents") {
  TempDir dir("array");
  std::string path = dir.write("docs.json",
                               "[\n  {\"id\": \"p\", \"text\": \"Pretty.\"},\n"
                               "  {\"text\": \"No id.\"},\n  {\"id\": \"q\"}\n]\n");
  ReadResult r = read_all({path});
  CHECK(ids(r) == Strings{"p", path + ":2"});
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].find("\"text\"") != std::string::npos);
}

TEST_CASE("input: a large JSON Lines file is streamed line by line") {
  TempDir dir("large");
  std::string content;
  for (int i = 0; i < 2000; ++i) {
    content +=
        "{\"id\":\"doc" + std::to_string(i) + "\",\"text\":\"" + std::string(500, 'a') + "\"}\n";
  }
  std::string path = dir.write("big.jsonl", content);
  ReadResult r = read_all({path});
  CHECK(r.docs.size() == 2000);
  CHECK(r.errors.empty());
  CHECK(r.bytes == content.size());
}
