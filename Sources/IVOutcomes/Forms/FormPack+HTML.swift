extension FormPack {
    /// The pack as one self-contained HTML page: one section per instrument, a new page for each
    /// when printed, option columns that become labelled rows on a narrow screen.
    public var html: String {
        let titles = forms.map(\.title).joined(separator: " · ")
        var page = """
            <!DOCTYPE html>
            <html lang="\(HTML.escape(forms.first?.language ?? language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(titles))</title>
            <style>\(FormPack.style)</style>
            </head>
            <body>

            """
        for form in forms { page += section(form) }
        page += "</body>\n</html>\n"
        return page
    }

    /// One instrument's form.
    private func section(_ form: FormWording) -> String {
        let instrument = form.instrument
        // Words the form itself adds (not the instrument's) are English, and say so.
        let chrome = form.language == "en" ? "" : " lang=\"en\""
        var html = "<section class=\"form\" lang=\"\(HTML.escape(form.language))\">\n<header>\n"
        html += "<h1>\(HTML.escape(form.title))</h1>\n"
        if instrument.status == .pilot {
            html +=
                "<p class=\"pilot\"\(chrome)><strong>Pilot questions</strong>: under trial and not validated; answers help the service learn and are not compared with other measures.</p>\n"
        }
        if instrument.respondent == .ivVolunteer {
            html += "<p class=\"respondent\"\(chrome)>To be completed by the Independent Visitor.</p>\n"
        }
        html += """
            <div class="fields"\(chrome)>
            <div class="field"><span class="name">Young person’s ID</span><span class="write"></span><span class="hint">the service’s pseudonymous id, never a name</span></div>
            <div class="field"><span class="name">Date</span><span class="write"></span><span class="hint">day, month, year</span></div>
            </div>

            """
        if !instrument.wordingChecks.isEmpty {
            html += "<div class=\"checks\" lang=\"en\"><p><strong>Check before printing</strong></p><ul>\n"
            for check in instrument.wordingChecks { html += "<li>\(HTML.escape(check.description))</li>\n" }
            html += "</ul></div>\n"
        }
        if !form.instructions.isEmpty { html += "<p class=\"instructions\">\(HTML.escape(form.instructions))</p>\n" }
        if let period = form.recallPeriod, !form.instructions.lowercased().contains(period.lowercased()) {
            html += "<p class=\"recall\"><span\(chrome)>Thinking about:</span> \(HTML.escape(period))</p>\n"
        }
        html += "</header>\n" + items(form) + footer(form, chrome: chrome) + "</section>\n"
        return html
    }

    /// The items, in order: a table for each run of items that share a response scale, with the
    /// options as columns; a free-text item is a row with a box to write in, inside the run.
    private func items(_ form: FormWording) -> String {
        var html = ""
        var current: ResponseScale?
        var open = false
        func close() {
            if open { html += "</tbody>\n</table>\n" }
            open = false
        }
        for (index, item) in form.instrument.items.enumerated() {
            let number = index + 1
            guard let scale = item.responseScale else {
                if !open {
                    html += "<table class=\"items\">\n<tbody>\n"
                    open = true
                }
                let columns = (current?.options.count ?? 0) + 1
                html +=
                    "<tr class=\"free\"><td class=\"number\">\(number)</td><td colspan=\"\(columns)\"><p class=\"item\">\(HTML.escape(form.text(of: item)))</p><div class=\"writing\"></div></td></tr>\n"
                continue
            }
            if current != scale || !open {
                close()
                current = scale
                html += "<table class=\"items\">\n<thead><tr><th class=\"number\"></th><th></th>"
                for option in scale.options {
                    html += "<th scope=\"col\">\(HTML.escape(form.label(of: option, in: scale)))</th>"
                }
                html += "</tr></thead>\n<tbody>\n"
                open = true
            }
            html += "<tr><td class=\"number\">\(number)</td><th scope=\"row\">\(HTML.escape(form.text(of: item)))</th>"
            for option in scale.options {
                let label = HTML.escape(form.label(of: option, in: scale))
                html += "<td class=\"option\" data-label=\"\(label)\"><span class=\"box\">\(option.code)</span></td>"
            }
            html += "</tr>\n"
        }
        close()
        return html
    }

    /// The copyright statement, the licence, and where the form came from.
    private func footer(_ form: FormWording, chrome: String) -> String {
        let instrument = form.instrument
        var html = "<footer>\n<p class=\"copyright\"\(chrome)>\(HTML.escape(instrument.licence.copyright))</p>\n"
        let url = instrument.licence.url.map { " (\(HTML.escape($0)))" } ?? ""
        html += "<p class=\"licence\"\(chrome)>Licence: \(HTML.escape(instrument.licence.name))\(url).</p>\n"
        var made =
            "Form made from the definition \(HTML.escape(instrument.id.rawValue)) \(HTML.escape(instrument.version))"
        if let translation = form.translation {
            made +=
                ", \(HTML.escape(translation.languageName)) translation by \(HTML.escape(translation.translator)) (\(translation.reviewStatus.rawValue))"
        }
        html += "<p class=\"source\"\(chrome)>\(made).</p>\n</footer>\n"
        return html
    }

    /// Print on A4 (one instrument per page, no row split across pages), read on a tablet.
    static let style = """

        :root { color: #111; background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 16px; line-height: 1.4; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
        h1 { font-size: 1.45rem; margin: 0 0 .5rem; }
        .form + .form { margin-top: 3rem; border-top: 2px solid #444; padding-top: 1.5rem; }
        .pilot, .respondent { margin: .25rem 0; }
        .pilot { border-left: 4px solid #7a5c00; padding-left: .5rem; }
        .fields { display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: .75rem 0; }
        .field { display: flex; flex-direction: column; min-width: 14rem; flex: 1; }
        .field .name { font-weight: 600; }
        .field .write { display: block; height: 2.2rem; border: 1px solid #333; border-radius: 3px; }
        .field .hint { font-size: .8rem; color: #444; }
        .checks { border: 2px dashed #a33; padding: .25rem .75rem; margin: .75rem 0; }
        .checks p { margin: .25rem 0; }
        .instructions { font-size: 1.05rem; margin: .75rem 0; }
        .recall { margin: .25rem 0 .75rem; }
        table.items { width: 100%; border-collapse: collapse; margin: .75rem 0; }
        table.items th, table.items td { border-bottom: 1px solid #bbb; padding: .45rem .35rem; vertical-align: middle; }
        table.items thead th { font-size: .85rem; font-weight: 600; text-align: center; vertical-align: bottom; }
        table.items tbody th { text-align: left; font-weight: normal; }
        td.number, th.number { width: 1.8rem; color: #444; text-align: right; }
        td.option { text-align: center; width: 5.5rem; }
        .box { display: inline-block; width: 1.6rem; height: 1.6rem; border: 1.5px solid #222; border-radius: 3px; font-size: .65rem; color: #666; line-height: 1.6rem; }
        tr.free p.item { margin: 0 0 .35rem; }
        .writing { height: 4.5rem; border: 1px solid #333; border-radius: 3px; }
        footer { margin-top: 1rem; font-size: .8rem; color: #333; }
        footer p { margin: .2rem 0; }
        @media (max-width: 40rem) {
          table.items thead { display: none; }
          table.items tr { display: block; padding: .5rem 0; border-bottom: 1px solid #bbb; }
          table.items th, table.items td { display: inline-block; border: 0; }
          table.items tbody th { display: block; width: auto; }
          table.items td.number { display: none; }
          table.items td.option { width: auto; margin: .2rem .4rem 0 0; }
          td.option::before { content: attr(data-label); display: block; font-size: .8rem; }
          tr.free td { display: block; }
        }
        @page { size: A4; margin: 14mm 14mm 16mm; }
        @media print {
          :root { font-size: 10.5pt; }
          body { max-width: none; padding: 0; }
          table.items th, table.items td { padding: .25rem .3rem; }
          td.option { width: 4.2rem; }
          .writing { height: 3.2rem; }
          .checks { font-size: .9rem; }
          .form + .form { break-before: page; margin-top: 0; border-top: 0; padding-top: 0; }
          tr, .fields, footer { break-inside: avoid; }
          thead { display: table-header-group; }
        }

        """
}
