package zh

var params = map[string]string{}
