#include "extract/input.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <istream>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace newsgraph {
namespace fs = std::filesystem;

namespace {

enum class Format { kText, kJsonLines, kStdin };

struct Source {
  std::string path;  // as the user will recognise it in messages
  Format format;
};

// How much of a text file is inspected to decide whether it is text at all.
constexpr std::size_t kSniffBytes = 8192;

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

// Why a buffer does not look like text, or nullptr. NUL bytes never occur in text files;
// a high share of other control bytes means an image, archive or similar. For JSON Lines
// (tolerate_nul), a stray NUL is only one bad line, reported when that line is read, so only
// many NULs (random bytes hold one in 256; 0.2% and at least 4 is binary) or a high share of
// control bytes condemn the whole file.
const char* binary_reason(std::string_view head, bool tolerate_nul = false) {
  head = head.substr(0, kSniffBytes);
  if (head.size() >= 2 &&
      ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return "UTF-16 text is not supported (convert it to UTF-8)";
  std::size_t controls = 0, nuls = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0 && !tolerate_nul) return "binary file (contains NUL bytes)";
    if (c == 0) ++nuls;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B)
      ++controls;
  }
  if (nuls >= 4 && nuls * 512 > head.size()) return "binary file (contains NUL bytes)";
  if (controls * 10 > head.size()) return "binary file (mostly control bytes)";
  return nullptr;
}

std::string extension_of(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool is_json_extension(std::string_view ext) { return ext == ".jsonl" || ext == ".json"; }

// Whether the first non-blank line of a .json file is a whole object, i.e. the file is JSON
// Lines rather than one pretty-printed document. A line longer than the sniffed head counts
// as an object: only JSON Lines have such lines.
bool one_line_object(std::string_view head) {
  std::size_t b = head.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return true;
  std::size_t e = head.find('\n', b);
  if (e == std::string_view::npos) return true;
  std::string_view first = head.substr(b, e - b);
  std::size_t last = first.find_last_not_of(" \t\r");
  return last != std::string_view::npos && first[last] == '}';
}

}  // namespace

struct DocumentReader::Impl {
  std::deque<std::string> paths;  // arguments not yet expanded
  std::deque<Source> sources;     // files found, in reading order
  std::deque<Document> pending;   // documents of a whole-file .json array
  ErrorSink errors;

  // The JSON Lines stream being read, if any.
  std::ifstream file;
  std::istream* lines = nullptr;
  std::string lines_path;
  std::size_t line_no = 0;
  std::string line;  // reused across lines, so its capacity is too

  // Where each id was first seen, to report duplicates.
  std::unordered_map<std::string, std::string> seen;

  std::size_t documents = 0;
  std::size_t problem_count = 0;
  std::size_t bytes = 0;

  void report(const std::string& message) {
    ++problem_count;
    if (errors) errors(message);
  }

  // Expands the next argument into sources. Returns false when there is none.
  bool expand_next() {
    if (paths.empty()) return false;
    std::string p = std::move(paths.front());
    paths.pop_front();
    if (p == "-") {
      sources.push_back({"<stdin>", Format::kStdin});
      return true;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      report(p + ": no such file or directory");
      return true;
    }
    if (fs::is_directory(st)) {
      expand_directory(p);
      return true;
    }
    sources.push_back({p, is_json_extension(extension_of(p)) ? Format::kJsonLines : Format::kText});
    return true;
  }

  void expand_directory(const std::string& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      report(dir + ": cannot read directory: " + ec.message());
      return;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        report(dir + ": error while listing: " + ec.message());
        break;
      }
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      std::string ext = extension_of(it->path());
      if (ext == ".txt") found.push_back(it->path());  // JSON Lines files are read only when named
    }
    // Sorted, so that ids, duplicate reports and output order do not depend on the file system.
    std::sort(found.begin(), found.end());
    for (const fs::path& f : found) {
      sources.push_back(
          {f.string(), extension_of(f) == ".txt" ? Format::kText : Format::kJsonLines});
    }
  }

  // Registers the id; false (and a report) when it was seen before.
  bool claim_id(const std::string& id, const std::string& where) {
    auto [it, inserted] = seen.try_emplace(id, where);
    if (inserted) return true;
    report(where + ": duplicate document id '" + id + "' (first seen in " + it->second +
           "); skipped");
    return false;
  }

  std::optional<Document> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      report(path + ": cannot open: " + std::strerror(errno));
      return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
      report(path + ": read error");
      return std::nullopt;
    }
    Document doc;
    doc.text = std::move(buf).str();
    bytes += doc.text.size();
    if (const char* why = binary_reason(doc.text)) {
      report(path + ": " + why + "; skipped");
      return std::nullopt;
    }
    if (is_blank(doc.text)) {
      report(path + ": empty document; skipped");
      return std::nullopt;
    }
    doc.id = fs::path(path).stem().string();
    doc.source = path;
    if (!claim_id(doc.id, path)) return std::nullopt;
    return doc;
  }

  // Standard input: JSON Lines when the first non-blank byte is '{', else one document.
  std::optional<Document> start_stdin() {
    std::istream& in = std::cin;
    std::string head;
    int c;
    while ((c = in.peek()) != EOF && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      head.push_back(static_cast<char>(in.get()));
    }
    if (c == '{') {
      // Lines already consumed were blank; count them so line numbers stay right.
      start_lines(in, "<stdin>");
      line_no = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
      return std::nullopt;
    }
    if (c == EOF) return std::nullopt;  // empty stdin is an empty stream (an empty Hadoop split)
    std::ostringstream buf;
    buf << in.rdbuf();
    Document doc;
    doc.text = head + std::move(buf).str();
    bytes += doc.text.size();
    if (is_blank(doc.text)) {
      report("<stdin>: empty document; skipped");
      return std::nullopt;
    }
    if (const char* why = binary_reason(doc.text)) {
      report(std::string("<stdin>: ") + why + "; skipped");
      return std::nullopt;
    }
    doc.id = "stdin";
    doc.source = "<stdin>";
    if (!claim_id(doc.id, "<stdin>")) return std::nullopt;
    return doc;
  }

  void start_lines(std::istream& in, const std::string& path) {
    lines = &in;
    lines_path = path;
    line_no = 0;
  }

  bool open_json_lines(const std::string& path) {
    file = std::ifstream(path, std::ios::binary);
    if (!file) {
      report(path + ": cannot open: " + std::strerror(errno));
      return false;
    }
    // One look at the start of the file spares a report for every line of a binary file.
    char head[kSniffBytes];
    file.read(head, sizeof head);
    std::string_view sniff(head, static_cast<std::size_t>(file.gcount()));
    if (const char* why = binary_reason(sniff, /*tolerate_nul=*/true)) {
      report(path + ": " + why + "; skipped");
      file.close();
      return false;
    }
    file.clear();
    file.seekg(0);
    start_lines(file, path);
    std::size_t first = sniff.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && sniff.compare(first, 3, "\xEF\xBB\xBF") == 0)
      first = sniff.find_first_not_of(" \t\r\n", first + 3);
    bool whole =
        first != std::string_view::npos &&
        extension_of(path) == ".json" && (sniff[first] == '[' || !one_line_object(sniff));
    if (whole) read_json_array(path);
    return true;
  }

  void finish_lines() {
    lines = nullptr;
    if (file.is_open()) file.close();
  }

  // The next document from the open JSON Lines stream, or nullopt at its end.
  std::optional<Document> next_line() {
    while (std::getline(*lines, line)) {
      ++line_no;
      bytes += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line_no == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
        line.erase(0, 3);  // a UTF-8 byte order mark
      if (is_blank(line)) continue;
      if (std::optional<Document> doc = parse_line()) return doc;
    }
    if (lines->bad()) report(lines_path + ": read error");
    finish_lines();
    return std::nullopt;
  }

  std::optional<Document> parse_line() {
    const std::string where = lines_path + ":" + std::to_string(line_no);
    // JSON has no raw NUL byte (a NUL in text is written \u0000), and the in-place parser
    // would stop at one with a misleading message.
    if (std::size_t nul = line.find('\0'); nul != std::string::npos) {
      report(where + ": invalid JSON at column " + std::to_string(nul + 1) +
             ": raw NUL byte (write it as \\u0000); skipped");
      return std::nullopt;
    }
    rapidjson::Document json;
    // In place: strings are decoded into the line buffer, no second copy of the text.
    // Iterative, so that a line of a million '[' cannot overflow the stack.
    json.ParseInsitu<rapidjson::kParseIterativeFlag>(line.data());
    if (json.HasParseError()) {
      report(where + ": invalid JSON at column " + std::to_string(json.GetErrorOffset() + 1) +
             ": " + rapidjson::GetParseError_En(json.GetParseError()));
      return std::nullopt;
    }
    return from_json(json, where, where, lines_path);
  }

  // A document from one JSON object. where: location for messages; fallback_id: the id when
  // the object has none.
  std::optional<Document> from_json(const rapidjson::Value& json, const std::string& where,
                                    const std::string& fallback_id, const std::string& path) {
    if (!json.IsObject()) {
      report(where + ": expected a JSON object; skipped");
      return std::nullopt;
    }
    Document doc;
    auto text = json.FindMember("text");
    if (text == json.MemberEnd() || text->value.IsNull()) {
      report(where + ": missing field \"text\"; skipped");
      return std::nullopt;
    }
    if (!text->value.IsString()) {
      report(where + ": field \"text\" must be a string; skipped");
      return std::nullopt;
    }
    doc.text.assign(text->value.GetString(), text->value.GetStringLength());

    auto id = json.FindMember("id");
    if (id == json.MemberEnd() || id->value.IsNull()) {
      doc.id = fallback_id;
    } else if (id->value.IsString()) {
      doc.id.assign(id->value.GetString(), id->value.GetStringLength());
    } else if (id->value.IsInt64()) {
      doc.id = std::to_string(id->value.GetInt64());  // numeric ids are common in dumps
    } else if (id->value.IsUint64()) {
      doc.id = std::to_string(id->value.GetUint64());
    } else {
      report(where + ": field \"id\" must be a string; skipped");
      return std::nullopt;
    }
    if (doc.id.empty()) doc.id = fallback_id;

    // Wrongly typed metadata loses the field, not the article.
    auto optional_string = [&](const char* name, std::string& out) {
      auto m = json.FindMember(name);
      if (m == json.MemberEnd() || m->value.IsNull()) return;
      if (m->value.IsString()) {
        out.assign(m->value.GetString(), m->value.GetStringLength());
      } else {
        report(where + ": field \"" + name + "\" must be a string; ignored");
      }
    };
    optional_string("date", doc.date);
    optional_string("title", doc.title);
    optional_string("source", doc.source);
    if (doc.source.empty()) doc.source = path;

    if (is_blank(doc.text)) {
      report(where + ": empty document; skipped");
      return std::nullopt;
    }
    if (!claim_id(doc.id, where)) return std::nullopt;
    return doc;
  }

  // A .json file holding one array of documents (or one pretty-printed object) is read whole;
  // such files are small by nature, unlike JSON Lines.
  void read_json_array(const std::string& path) {
    std::ostringstream buf;
    buf << file.rdbuf();
    finish_lines();
    std::string all = std::move(buf).str();
    bytes += all.size();
    std::size_t skip = all.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // byte order mark
    rapidjson::Document json;
    json.Parse<rapidjson::kParseIterativeFlag>(all.data() + skip, all.size() - skip);
    if (json.HasParseError()) {
      std::size_t off = json.GetErrorOffset() + skip;
      std::size_t line_no =
          1 + static_cast<std::size_t>(std::count(
                  all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(off, all.size())),
                  '\n'));
      std::size_t bol = all.rfind('\n', off == 0 ? 0 : off - 1);
      std::size_t col = bol == std::string::npos ? off + 1 : off - bol;
      report(path + ":" + std::to_string(line_no) + ": invalid JSON at column " +
             std::to_string(col) + ": " + rapidjson::GetParseError_En(json.GetParseError()));
      return;
    }
    if (!json.IsArray()) {
      if (auto doc = from_json(json, path, fs::path(path).stem().string(), path))
        pending.push_back(std::move(*doc));
      return;
    }
    std::size_t index = 0;
    for (const rapidjson::Value& item : json.GetArray()) {
      ++index;
      std::string where = path + ": item " + std::to_string(index);
      if (auto doc = from_json(item, where, path + ":" + std::to_string(index), path))
        pending.push_back(std::move(*doc));
    }
  }

  std::optional<Document> next() {
    for (;;) {
      if (!pending.empty()) {
        Document doc = std::move(pending.front());
        pending.pop_front();
        return doc;
      }
      if (lines) {
        if (std::optional<Document> doc = next_line()) return doc;
        continue;
      }
      if (sources.empty()) {
        if (!expand_next()) return std::nullopt;
        continue;
      }
      Source src = std::move(sources.front());
      sources.pop_front();
      switch (src.format) {
        case Format::kText:
          if (std::optional<Document> doc = read_text_file(src.path)) return doc;
          break;
        case Format::kJsonLines:
          open_json_lines(src.path);
          break;
        case Format::kStdin:
          if (std::optional<Document> doc = start_stdin()) return doc;
          break;
      }
    }
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, ErrorSink errors)
    : impl_(std::make_unique<Impl>()) {
  impl_->paths.assign(std::make_move_iterator(paths.begin()), std::make_move_iterator(paths.end()));
  impl_->errors = std::move(errors);
}

DocumentReader::~DocumentReader() = default;

std::optional<Document> DocumentReader::next() {
  std::optional<Document> doc = impl_->next();
  if (doc) ++impl_->documents;
  return doc;
}

std::size_t DocumentReader::documents_read() const { return impl_->documents; }
std::size_t DocumentReader::problems() const { return impl_->problem_count; }
std::size_t DocumentReader::bytes_read() const { return impl_->bytes; }

}  // namespace newsgraph
