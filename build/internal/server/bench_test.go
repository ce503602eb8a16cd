package server

import (
	"crypto/rand"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkHeadLargeFile is a HEAD of the offline bundle's size (18.7 MB):
// its tag comes from the build's manifest, so the cost is that of a small
// file's, not of hashing the file on each request.
func BenchmarkHeadLargeFile(b *testing.B) {
	dir := b.TempDir()
	big := make([]byte, 18_700_000)
	rand.Read(big)
	os.MkdirAll(filepath.Join(dir, "download"), 0o755)
	os.WriteFile(filepath.Join(dir, "download", "copper-to-light-offline.zip"), big, 0o644)
	if err := WriteManifest(dir); err != nil {
		b.Fatal(err)
	}
	h := Handler(dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("HEAD", "http://h/download/copper-to-light-offline.zip", nil))
		if rec.Code != 200 || rec.Header().Get("ETag") == "" {
			b.Fatalf("%d %q", rec.Code, rec.Header().Get("ETag"))
		}
	}
}
