package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZDebug(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 844), chromedp.Navigate(siteURL(t)+"/calculator/#v=1&scale_out.switch_radix=128")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	t.Log(eval[string](t, ctx, `document.getElementById("results-error").textContent + " | " + document.getElementById("calc-status").textContent + " | " + document.querySelector("[data-field=\"scale_out.planes\"]").outerHTML + " | " + location.hash`))
}
