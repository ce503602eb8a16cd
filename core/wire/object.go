package wire

// Field is one member of an object of type T as the wire writes it: its
// name, how its value is put, and when it is written (nil: always). A type
// that crosses to JavaScript declares its members once, as a table of
// fields, and Write writes it; the names and their order are the table's.
//
// A field with no name puts members of its own (Members of another
// table) into the object.
//
// Tables are composite literals of functions, which the linker lays out
// as data: a constructor call per field would be code run at start-up
// and, in WebAssembly, about 2 KB of binary per field.
//
// T is a pointer type (*Explanation): all pointers have one shape, so
// one copy of Write serves every table.
type Field[T any] struct {
	Name string
	Put  func(w *W, t T)
	When func(t T) bool
}

// Write writes t as an object of the fields.
func Write[T any](w *W, t T, fields []Field[T]) {
	w.Begin()
	Members(w, t, fields)
	w.End()
}

// Members writes the fields of t into the object being written (a type
// whose object holds another's members as well as its own).
func Members[T any](w *W, t T, fields []Field[T]) {
	for i := range fields {
		f := &fields[i]
		if f.When != nil && !f.When(t) {
			continue
		}
		if f.Name != "" {
			w.Key(f.Name)
		}
		f.Put(w, t)
	}
}

// WriteList writes a list of objects (null for a nil list).
func WriteList[E any](w *W, l []E, fields []Field[*E]) {
	if l == nil {
		w.Null()
		return
	}
	w.BeginList()
	for i := range l {
		Write(w, &l[i], fields)
	}
	w.EndList()
}

// Keyed writes an object whose keys are data: one member per element of
// l, named by key, its value put by put; an element whose key is "" is
// left out.
func Keyed[E any](w *W, l []E, key func(*E) string, put func(w *W, t *E)) {
	w.Begin()
	for i := range l {
		if k := key(&l[i]); k != "" {
			w.Key(k)
			put(w, &l[i])
		}
	}
	w.End()
}

// Marshaler is a value that writes its own JSON.
type Marshaler interface{ MarshalJSON() ([]byte, error) }

// Writer is a value that writes its own JSON into a W, and cannot fail:
// JSON writes it in place, with no buffer of its own to copy.
type Writer interface{ WriteJSON(w *W) }

// JSON writes a value that writes itself (null for a nil value, or one
// that cannot be written).
func (w *W) JSON(v Marshaler) {
	if v == nil {
		w.Null()
		return
	}
	if x, ok := v.(Writer); ok {
		x.WriteJSON(w)
		return
	}
	b, err := v.MarshalJSON()
	if err != nil {
		w.Null()
		return
	}
	w.Raw(b)
}

// Marshal returns t written as an object of the fields: a MarshalJSON in
// one line.
func Marshal[T any](t T, fields []Field[T]) []byte {
	return AppendMarshal(make([]byte, 0, 256), t, fields)
}

// AppendMarshal is Marshal appending to b (a buffer kept for the next
// answer spares growing a new one each time).
func AppendMarshal[T any](b []byte, t T, fields []Field[T]) []byte {
	w := W{B: b}
	Write(&w, t, fields)
	return w.B
}
