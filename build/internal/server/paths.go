package server

import (
	"path"
	"strings"
)

// The path rules. A request's path is refused before it comes near the
// disk when any system the bundle ships to could read it as something
// other than a file of the site: Go's path package treats "\" as an
// ordinary byte, Windows as a separator; Windows also drops a name's
// trailing dots and spaces ("index.html." is index.html), reads "a:b" as
// a stream of a file and "NUL" or "com1.txt" as devices, and compares
// names without regard to case. The rules are the same on every system,
// so the tests that run on Linux prove what the Windows server does.

// forbidden are the bytes no name of the site holds: the separator of
// Windows, the drive and stream mark, the characters Windows refuses in a
// name, and every control character (NUL included).
func forbidden(c byte) bool {
	switch c {
	case '\\', ':', '*', '?', '"', '<', '>', '|':
		return true
	}
	return c < 0x20 || c == 0x7f
}

// reserved are Windows' device names, which open a device whatever the
// folder and whatever extension follows ("nul.txt", "COM1.json").
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true, "conin$": true, "conout$": true, "clock$": true,
	"com0": true, "com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt0": true, "lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
	"com¹": true, "com²": true, "com³": true, "lpt¹": true, "lpt²": true, "lpt³": true,
}

// badSegment says why one segment of a cleaned path is refused ("" when
// it is not).
func badSegment(seg string) string {
	switch {
	case seg == "":
		return ""
	case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
		return "a name ending in a dot or a space"
	case strings.HasPrefix(seg, "."):
		return "a hidden name"
	}
	stem, _, _ := strings.Cut(seg, ".")
	if reserved[strings.ToLower(strings.TrimRight(stem, " "))] {
		return "a device name"
	}
	return ""
}

// CleanPath returns the site path a request's (decoded) URL path names,
// cleaned with package path ("/calculator/../x" is "/x"), or why it is
// refused: a forbidden byte anywhere, or a segment that ends in a dot or a
// space, is hidden, or is a device name. A refused path is answered as
// one the site does not have.
func CleanPath(urlPath string) (string, string) {
	for i := 0; i < len(urlPath); i++ {
		if forbidden(urlPath[i]) {
			return "", "a backslash, colon, control or reserved character"
		}
	}
	p := path.Clean("/" + urlPath)
	for _, seg := range strings.Split(p, "/") {
		if why := badSegment(seg); why != "" {
			return "", why
		}
	}
	return p, ""
}
